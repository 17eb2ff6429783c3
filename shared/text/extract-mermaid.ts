// Finds the Mermaid diagram in one of Claude's answers: the page draws it, and the sessions service
// checks that a drawing the page asks it to keep is one Claude answered. Pure.

/** The first ```mermaid block of an answer (or a bare flowchart/graph), and the text around it as a caption. */
export function extractMermaid(answer: string): { source: string; caption: string } | null {
  const fenced = /```mermaid[^\n]*\n([\s\S]*?)```/.exec(answer)
  if (fenced) {
    const caption = (answer.slice(0, fenced.index) + answer.slice(fenced.index + fenced[0].length)).trim()
    return { source: fenced[1]!.trim(), caption }
  }
  const bare = /^(flowchart|graph)\s+(TD|TB|LR|RL|BT)\b[\s\S]*$/m.exec(answer)
  return bare ? { source: bare[0].trim(), caption: answer.slice(0, bare.index).trim() } : null
}
