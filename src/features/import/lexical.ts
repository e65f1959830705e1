/**
 * Plain paragraphs → Lexical editor state (the JSON @payloadcms/richtext-lexical stores). Text is
 * kept exactly: quotes and punctuation stay text, nothing is interpreted as markup.
 */
export interface LexicalTextNode {
  type: 'text'
  version: 1
  text: string
  format: 0
  style: ''
  mode: 'normal'
  detail: 0
}
export interface LexicalParagraphNode {
  type: 'paragraph'
  version: 1
  direction: 'ltr'
  format: ''
  indent: 0
  textFormat: 0
  textStyle: ''
  children: LexicalTextNode[]
}
export interface LexicalState {
  root: {
    type: 'root'
    version: 1
    direction: 'ltr'
    format: ''
    indent: 0
    children: LexicalParagraphNode[]
  }
}

const textNode = (text: string): LexicalTextNode => ({
  type: 'text',
  version: 1,
  text,
  format: 0,
  style: '',
  mode: 'normal',
  detail: 0,
})

export const paragraphsToLexical = (paragraphs: string[]): LexicalState => ({
  root: {
    type: 'root',
    version: 1,
    direction: 'ltr',
    format: '',
    indent: 0,
    children: paragraphs.map((p) => ({
      type: 'paragraph',
      version: 1,
      direction: 'ltr',
      format: '',
      indent: 0,
      textFormat: 0,
      textStyle: '',
      children: p ? [textNode(p)] : [],
    })),
  },
})

/** The plain text of each paragraph of a Lexical state (inverse of paragraphsToLexical). */
export const lexicalToParagraphs = (state: unknown): string[] => {
  const root = (state as { root?: { children?: unknown[] } } | null)?.root
  if (!root || !Array.isArray(root.children)) return []
  const textOf = (node: unknown): string => {
    const n = node as { text?: string; children?: unknown[] }
    if (typeof n.text === 'string') return n.text
    return Array.isArray(n.children) ? n.children.map(textOf).join('') : ''
  }
  return root.children.map(textOf)
}
