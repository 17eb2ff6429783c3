// The week's text for the kind of codebase, in real Chromium against the real browser-mode backend:
// week 1 in a library (a Rust crate with no program and no server) asks for the library's public
// surface, in a web service (an Express app) for the week's own text; each says which kind it read,
// and the hour started in the library keeps its questions. Saves screenshots.
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { makeTempFolder, RepoBuilder } from '../fixtures/repo-builder.ts'
import { callApi } from './support/backend-api.ts'
import { newHome, startBackend, type BackendProcess } from './support/backend-process.ts'

const SHOTS = 'test-results/screenshots'

let backend: BackendProcess
let home: string
let parent: string

test.beforeEach(async () => {
  home = await newHome()
  parent = await makeTempFolder()
  await mkdir(SHOTS, { recursive: true })
})

test.afterEach(async ({ page }) => {
  await page.close()
  await backend.stop()
  await rm(home, { recursive: true, force: true })
  await rm(parent, { recursive: true, force: true })
})

async function repository(name: string, files: Record<string, string>): Promise<string> {
  const repo = new RepoBuilder(join(parent, name))
  await mkdir(repo.dir)
  await repo.git(['init', '-q', '-b', 'main'])
  await repo.files(files)
  await repo.commit('Start')
  return repo.dir
}

test('Today reads week 1 for a library and says so; the hour keeps the library’s questions', async ({ page }) => {
  test.setTimeout(120_000)
  backend = await startBackend(home)
  const library = await repository('tiny-dates', {
    'README.md': '# tiny-dates\n\nSmall helpers for calendar dates.\n',
    'Cargo.toml': '[package]\nname = "tiny-dates"\nversion = "0.1.0"\n\n[dependencies]\nserde = "1"\n',
    'src/lib.rs': 'pub fn today() -> u32 {\n    1\n}\n',
  })
  await callApi(backend, 'repos.add', { path: library })
  await page.goto(backend.pageUrl)
  const kind = page.getByText('This repository reads as a library (it publishes a package (Cargo.toml) and runs no server)', {
    exact: false,
  })
  await expect(kind).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Walk the codebase' })).toBeVisible()
  await expect(page.getByText("Name the library's public surface", { exact: false })).toBeVisible()
  await kind.scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${SHOTS}/today-kind-library.png` })

  await page.getByRole('button', { name: 'Start this week’s hour' }).click()
  await expect(page.getByText(/This repository reads as a library/)).toBeVisible()
  await expect(page.getByText('which files make up its public API?', { exact: false }).first()).toBeVisible()
  await page.screenshot({ path: `${SHOTS}/session-kind-library.png` })
})

test('Today reads the week’s own text for a web service and says so', async ({ page }) => {
  test.setTimeout(120_000)
  backend = await startBackend(home)
  const service = await repository('orders-api', {
    'README.md': '# orders-api\n\nTakes orders from the shop.\n',
    'package.json': JSON.stringify({ name: 'orders-api', private: true, main: 'src/server.js', dependencies: { express: '4' } }),
    'src/server.js': "import express from 'express'\nconst app = express()\napp.listen(3000)\n",
  })
  await callApi(backend, 'repos.add', { path: service })
  await page.goto(backend.pageUrl)
  await expect(
    page.getByText(/This repository reads as a web service \(it is built on Express\), the kind this week’s text is written for/),
  ).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Walk the codebase' })).toBeVisible()
  await expect(page.getByText("Name the system's three or four main parts", { exact: false })).toBeVisible()
  await page.getByRole('button', { name: 'Start this week’s hour' }).scrollIntoViewIfNeeded()
  await page.screenshot({ path: `${SHOTS}/today-kind-web-service.png` })
})
