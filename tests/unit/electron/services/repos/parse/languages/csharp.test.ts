import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CodeParser } from '../../../../../../../electron/services/repos/parse/code-parser.ts'
import { createCodeParser } from '../../../../../../../electron/services/repos/parse/code-parser.ts'

let parser: CodeParser
beforeAll(async () => {
  parser = await createCodeParser()
})
afterAll(() => parser.dispose())

describe('C#', () => {
  it('reads usings (static and aliased), the namespace, types, members, supertypes and the type names used', async () => {
    const source = `using System;
using static System.Math;
using Handlers = Acme.Core.Handlers;
namespace Acme.Core;

public interface IMediator : ISender { Task Send(IRequest request); }
public class Mediator : IMediator
{
    private readonly IServiceProvider _provider;
    public Mediator(IServiceProvider provider) { _provider = provider; }
    public Task Send(IRequest request) => Wrapper.Handle(request);
}
public static class Extensions { public static void AddMediator(this IServiceCollection services) {} }
public record Unit;
public enum Kind { A }
`
    const result = await parser.parse('csharp', source)
    expect(result.package).toBe('Acme.Core')
    expect(result.imports.map((i) => [i.kind, i.specifier, i.alias ?? null])).toEqual([
      ['import', 'System', null],
      ['static', 'System.Math', null],
      ['import', 'Acme.Core.Handlers', 'Handlers'],
    ])
    expect(result.definitions.map((d) => [d.kind, d.name, d.signature])).toEqual([
      ['interface', 'IMediator', 'public interface IMediator : ISender'],
      ['method', 'Send', 'Task Send(IRequest request)'],
      ['class', 'Mediator', 'public class Mediator : IMediator'],
      ['method', 'Mediator', 'public Mediator(IServiceProvider provider)'],
      ['method', 'Send', 'public Task Send(IRequest request)'],
      ['class', 'Extensions', 'public static class Extensions'],
      ['method', 'AddMediator', 'public static void AddMediator(this IServiceCollection services)'],
      ['class', 'Unit', 'public record Unit'],
      ['enum', 'Kind', 'public enum Kind'],
    ])
    expect(result.supertypes).toEqual(['IMediator', 'ISender'])
    expect(result.references).toEqual(expect.arrayContaining(['IServiceProvider', 'IRequest', 'Wrapper', 'Handle', 'IServiceCollection']))
  })
})
