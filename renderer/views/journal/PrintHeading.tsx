// Names the session at the top of every printed page (the @page rule's top-left box), for as long as
// the session is shown. The text is escaped for a CSS string, so no title can end the rule early.
export function cssString(text: string): string {
  const escaped = text.replace(/[\\"]/g, (char) => `\\${char}`).replace(/[<>\n\r\f]/g, (char) => `\\${char.charCodeAt(0).toString(16)} `)
  return `"${escaped}"`
}

export function PrintHeading(props: { text: string }) {
  return <style>{`@page { @top-left { content: ${cssString(props.text)}; } }`}</style>
}
