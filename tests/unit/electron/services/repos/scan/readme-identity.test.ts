// What a README says the project is, on READMEs shaped like the ones GitHub shows: HTML headers with
// logos and badges, sponsor tables, release news, notes, entities and Markdown in the title, and
// plain-text READMEs. A title names the project only when it matches a name the repository has.
import { describe, expect, it } from 'vitest'
import { githubReadme, readmeBlocks, readReadme } from '../../../../../../electron/services/repos/scan/readme-identity.ts'

const badges = [
  '[![Build](https://ci.example/acme/badge.svg)](https://ci.example/acme)',
  '[![Version](https://img.shields.io/npm/v/acme.svg)](https://npmjs.com/package/acme)',
].join('\n')

describe('readReadme', () => {
  it('reads an HTML header: a logo named by its alt text, badges in a centred paragraph, a tagline in <h1>', () => {
    const readme = [
      '<p align="center">',
      '    <a href="https://acme.example"><img src="https://acme.example/logo.png" alt="Ledger logo"></a>',
      '</p>',
      '<h1 align="center">Bookkeeping for small teams</h1>',
      '<p align="center">',
      '<a href="https://ci.example"><img alt="Build" src="https://ci.example/badge.svg"/></a>',
      '<a href="https://hub.example"><img alt="Downloads" src="https://hub.example/pulls.svg"/></a>',
      '</p>',
      '',
      'Ledger keeps the books of a small team: invoices, expenses and the VAT return, in one place.',
      '',
      '## Installation',
      '',
      'Ledger is licensed under the MIT License, see the LICENSE file.',
    ].join('\n')
    expect(readReadme(readme, ['ledger'])).toEqual({
      name: 'Ledger',
      tagline: 'Bookkeeping for small teams',
      intro: 'Ledger keeps the books of a small team: invoices, expenses and the VAT return, in one place.',
    })
  })

  it('decodes entities and Markdown in the title and the paragraph', () => {
    const readme = [
      '# ![Logo](doc/logo.png) Acme.Json&nbsp;&nbsp;&nbsp;&nbsp;[![NuGet](https://img.shields.io/nuget/v/Acme.Json.svg)](https://nuget.example/Acme.Json)',
      '',
      '**{acme}** is an open-source _serialisation_ library &mdash; fast &amp; [safe](https://acme.example/safety) &lt;by default&gt;.',
    ].join('\n')
    const identity = readReadme(readme, ['Acme.Json'])
    expect(identity.name).toBe('Acme.Json')
    expect(identity.intro).toBe('{acme} is an open-source serialisation library — fast & safe <by default>.')
  })

  it('skips sponsor tables, release news, notes and link rows to the paragraph that defines the project', () => {
    const readme = [
      '<h3 align="center">🥇 Gold sponsors</h3><table><tr><td><p>The best hosting for your side project, with a free tier.</p></td></tr></table>',
      '',
      '# Fastr Web Framework',
      '',
      badges,
      '',
      '## 📰 Fastr 2.0 is now available!',
      '',
      "We're excited to announce the release of **Fastr 2.0**! This release brings new features and important fixes.",
      '',
      '---',
      '',
      '> **Note:** This repository contains the core of Fastr; applications start from the starter kit.',
      '',
      '[Docs](https://fastr.example/docs) • [Chat](https://chat.example) • [Changelog](CHANGELOG.md)',
      '',
      'Fastr is a small HTTP framework written in Go that routes requests without allocating.',
    ].join('\n')
    expect(readReadme(readme, ['github.com/acme/fastr'])).toEqual({
      name: 'Fastr',
      tagline: null,
      intro: 'Fastr is a small HTTP framework written in Go that routes requests without allocating.',
    })
  })

  it('takes a name from a <picture> logo and a title with a lead-in, never a title that names nothing it knows', () => {
    const picture = [
      '<div align="center">',
      '  <picture>',
      '    <source media="(prefers-color-scheme: dark)" srcset="logo-dark.svg">',
      '    <img alt="Quackdb logo" src="logo.svg" height="100">',
      '  </picture>',
      '</div>',
      '',
      'Quackdb is an analytical database that runs inside your process, with no server to manage.',
    ].join('\n')
    expect(readReadme(picture, ['quackdb']).name).toBe('Quackdb')
    expect(readReadme('# Welcome to tmuxer!\n\ntmuxer is a terminal multiplexer for many shells.\n', ['tmuxer']).name).toBe('tmuxer')
    expect(readReadme('# Welcome to our service\n\nIt does things for the other teams.\n', ['billing']).name).toBeNull()
  })

  it('keeps a product name the title gives, and a short name the title starts with', () => {
    expect(readReadme('# GitHub Tool\n\n`gt` is GitHub on the command line.\n', ['tool', 'github.com/acme/tool/v2']).name).toBe(
      'GitHub Tool',
    )
    expect(readReadme('# Slimmer Framework\n\nSlimmer is a PHP micro-framework for small APIs.\n', ['slimmer/slimmer']).name).toBe(
      'Slimmer',
    )
  })

  it('takes the paragraph that says "<name> is a …" over others in the introduction, else the first', () => {
    const readme = [
      'Hurl',
      '====',
      '',
      'See the [project website][site] for documentation and APIs.',
      '',
      'HTTP is the way modern applications network, and doing it well makes your stuff faster.',
      '',
      'Hurl is an HTTP client that is efficient by default:',
      '',
      '[site]: https://hurl.example',
    ].join('\n')
    expect(readReadme(readme, ['hurl']).intro).toBe('Hurl is an HTTP client that is efficient by default:')
    const first =
      '# Mediate\n\nSimple mediator implementation in .NET\n\nSupports requests, commands, queries and notifications, sync and async.\n'
    expect(readReadme(first, ['mediate'])).toEqual({
      name: 'Mediate',
      tagline: 'Simple mediator implementation in .NET',
      intro: 'Simple mediator implementation in .NET',
    })
  })

  it('reads a plain-text README as paragraphs', () => {
    const readme = 'README\n\nwgetter is a command-line tool for transferring data with URLs.\n\nSee INSTALL for how to build it.\n'
    expect(readReadme(readme, ['wgetter'], 'README').intro).toBe('wgetter is a command-line tool for transferring data with URLs.')
  })

  it('stops at its bounds on a huge README', () => {
    const huge = `# acme\n\n${'- [a link](https://x.example)\n'.repeat(100_000)}`
    expect(readmeBlocks(huge).length).toBeLessThanOrEqual(300)
  })
})

describe('githubReadme', () => {
  it('picks the README GitHub shows: .github/ before the root before docs/, Markdown first', () => {
    expect(githubReadme(['docs/README.md', 'README', 'README.md', 'src/README.md'])).toBe('README.md')
    expect(githubReadme(['README.md', '.github/README.md'])).toBe('.github/README.md')
    expect(githubReadme(['docs/readme.md'])).toBe('docs/readme.md')
    expect(githubReadme(['src/README.md'])).toBeUndefined()
  })
})
