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
})
