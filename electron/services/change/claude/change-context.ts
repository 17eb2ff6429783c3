// The repository context the small-change conversations start from: project facts, the test command,
// key files and the tracked file list from the scan, capped. Paths and facts only; file contents come
// through the (redacting) tools.
import type { ScanResult } from '../../../../shared/models/repos.ts'
import { redactCommitText } from '../../secrets/index.ts'

const MAX_PATHS = 400

export function changeContext(scan: ScanResult): string {
  const { project } = scan
  const lines = [
    `# Repository: ${project.name}`,
    project.description ? `Description: ${project.description}` : '',
    `Languages: ${
      scan.languages
        .slice(0, 6)
        .map((l) => `${l.language} (${l.files} files)`)
        .join(', ') || 'unknown'
    }`,
    `Frameworks: ${project.frameworks.join(', ') || 'none detected'}`,
    `Test command: ${project.testCommand ?? 'none detected'}`,
    '',
    '## Key files',
    ...scan.keyFiles.slice(0, 20).map((file) => `- ${file.path}`),
    '',
    '## Recent commits',
    ...scan.history.lastCommits.slice(0, 8).map((commit) => `- ${redactCommitText(commit.message)}`),
    '',
    `## Tracked files (${scan.files.length}${scan.files.length > MAX_PATHS ? `, first ${MAX_PATHS}` : ''})`,
    ...scan.files.slice(0, MAX_PATHS).map((file) => file.path),
  ]
  return lines.filter((line, index) => line !== '' || lines[index - 1] !== '').join('\n')
}
