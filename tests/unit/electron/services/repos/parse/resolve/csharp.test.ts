// C# resolution on a repository the test builds: types found through the file's namespace and its
// enclosing ones, `using` directives (and aliases), extension methods, and project references that
// decide which projects' types a file can see.
import { describe, expect, it } from 'vitest'
import { resolveBuiltRepo } from '../../../../../../fixtures/scan-built-repo.ts'

describe('C# resolution', () => {
  it('links types by namespace and using, within the projects a .csproj references', async () => {
    const lines = await resolveBuiltRepo({
      'src/Core/Core.csproj': '<Project Sdk="Microsoft.NET.Sdk"></Project>\n',
      'src/Core/IMediator.cs': 'namespace Acme.Core;\npublic interface IMediator { void Send(); }\n',
      'src/Core/Mediator.cs': 'namespace Acme.Core;\npublic class Mediator : IMediator { public void Send() {} }\n',
      'src/Core/Pipeline/Behavior.cs': 'namespace Acme.Core.Pipeline\n{\n  public class Behavior { IMediator m; }\n}\n',
      'src/Core/DI/Extensions.cs':
        'namespace Microsoft.Extensions.DependencyInjection;\npublic static class Extensions { public static void AddMediator(this IServices s) {} }\n',
      'src/Web/Web.csproj':
        '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <ItemGroup><ProjectReference Include="..\\Core\\Core.csproj" /></ItemGroup>\n</Project>\n',
      'src/Web/Startup.cs':
        'using Acme.Core;\nusing Microsoft.Extensions.DependencyInjection;\nusing M = Acme.Core.Mediator;\nnamespace Acme.Web;\npublic class Startup { void Run(IServices s) { s.AddMediator(); var m = new M(); } }\n',
      'src/Other/Other.csproj': '<Project Sdk="Microsoft.NET.Sdk"></Project>\n',
      'src/Other/Lonely.cs': 'namespace Acme.Core;\npublic class Lonely { Startup s; }\n',
    })
    expect(lines).toEqual(
      expect.arrayContaining([
        'src/Core/Mediator.cs -> src/Core/IMediator.cs',
        // The interface's one implementation: code using the interface runs it.
        'src/Core/IMediator.cs -> src/Core/Mediator.cs',
        // An enclosing namespace is in scope without a using.
        'src/Core/Pipeline/Behavior.cs -> src/Core/IMediator.cs',
        // An extension method, found through `using Microsoft.Extensions.DependencyInjection`, and an alias.
        'src/Web/Startup.cs -> src/Core/DI/Extensions.cs',
        'src/Web/Startup.cs -> src/Core/Mediator.cs',
      ]),
    )
    // Other.csproj references nothing: Startup (in Web) is not visible to it.
    expect(lines).not.toContain('src/Other/Lonely.cs -> src/Web/Startup.cs')
  })

  it('draws a solution as its usings and names say, both ways: no interface-to-implementation edge', async () => {
    // Shaped like a mediator library: a core project, a DI-extensions project referencing it, a test
    // project referencing both, and a sample that references nothing of theirs.
    const lines = await resolveBuiltRepo(
      {
        'src/Mediate/Mediate.csproj': '<Project Sdk="Microsoft.NET.Sdk"></Project>\n',
        'src/Mediate/IMediator.cs': 'namespace Mediate;\npublic interface IMediator { Task Send(IRequest r); }\n',
        'src/Mediate/IRequest.cs': 'namespace Mediate;\npublic interface IRequest { }\n',
        'src/Mediate/Mediator.cs':
          'namespace Mediate;\npublic class Mediator : IMediator { public Task Send(IRequest r) => Task.CompletedTask; }\n',
        'src/Mediate.Extensions/Mediate.Extensions.csproj':
          '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup><ProjectReference Include="..\\Mediate\\Mediate.csproj" /></ItemGroup>\n</Project>\n',
        'src/Mediate.Extensions/ServiceCollectionExtensions.cs':
          'using Mediate;\nusing Microsoft.Extensions.DependencyInjection;\nnamespace Mediate.Extensions;\npublic static class ServiceCollectionExtensions {\n  public static IServiceCollection AddMediate(this IServiceCollection s) => s.AddSingleton<IMediator, Mediator>();\n}\n',
        'test/Mediate.Tests/Mediate.Tests.csproj':
          '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup><ProjectReference Include="..\\..\\src\\Mediate\\Mediate.csproj" /></ItemGroup>\n</Project>\n',
        'test/Mediate.Tests/SendTests.cs':
          'using Mediate;\nusing Xunit;\nnamespace Mediate.Tests;\npublic class SendTests { [Fact] public void Sends() { new Mediator(); } }\n',
        'samples/Console/Console.csproj': '<Project Sdk="Microsoft.NET.Sdk"></Project>\n',
        'samples/Console/Program.cs': 'namespace Console;\npublic class Program { static void Main() { } }\n',
      },
      { importsOnly: true },
    )
    expect(lines).toEqual([
      'src/Mediate.Extensions/ServiceCollectionExtensions.cs -> src/Mediate/IMediator.cs',
      'src/Mediate.Extensions/ServiceCollectionExtensions.cs -> src/Mediate/Mediator.cs',
      'src/Mediate/IMediator.cs -> src/Mediate/IRequest.cs',
      'src/Mediate/Mediator.cs -> src/Mediate/IMediator.cs',
      'src/Mediate/Mediator.cs -> src/Mediate/IRequest.cs',
      'test/Mediate.Tests/SendTests.cs -> src/Mediate/Mediator.cs',
    ])
  })
})
