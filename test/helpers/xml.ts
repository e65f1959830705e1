import { xml2js } from 'xml-js'
import type { Element } from 'xml-js'

/**
 * XML checks for tests. `assertWellFormed` is a strict XML 1.0 well-formedness check (the sax
 * parser behind xml-js lets through `<` in attribute values, characters XML cannot carry, `]]>`
 * in text and unbound namespace prefixes); `parseXml` then gives the element tree.
 */

// eslint-disable-next-line no-control-regex
const INVALID_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
const NAME = /^[A-Za-z_][A-Za-z0-9._-]*(?::[A-Za-z_][A-Za-z0-9._-]*)?$/
const REFERENCE = /&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g
const ATTRIBUTE = /\s+([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/gy
const XML_NS = 'http://www.w3.org/XML/1998/namespace'

const checkReferences = (text: string, where: string) => {
  if (text.replace(REFERENCE, '').includes('&')) throw new Error(`bare & in ${where}`)
}

export const assertWellFormed = (xml: string): void => {
  if (INVALID_CHAR.test(xml) || LONE_SURROGATE.test(xml)) {
    throw new Error('a character XML 1.0 cannot carry')
  }
  let rest = xml.replace(/^\uFEFF/, '')
  const declaration = /^<\?xml\s[^?]*\?>/.exec(rest)
  if (declaration) rest = rest.slice(declaration[0].length)
  const stack: { name: string; scope: Map<string, string> }[] = []
  let roots = 0
  let position = 0
  const fail = (why: string): never => {
    throw new Error(
      `${why} at offset ${position}: ${JSON.stringify(rest.slice(position, position + 60))}`,
    )
  }
  const bound = (prefix: string, scope: Map<string, string>) =>
    prefix === 'xml' || prefix === 'xmlns' || scope.has(prefix)
  while (position < rest.length) {
    const next = rest.indexOf('<', position)
    const text = rest.slice(position, next === -1 ? rest.length : next)
    if (text) {
      if (stack.length === 0 && text.trim() !== '') fail('text outside the root element')
      if (text.includes(']]>')) fail('"]]>" in text')
      checkReferences(text, 'text')
    }
    if (next === -1) break
    position = next
    if (rest.startsWith('<!--', position)) {
      const end = rest.indexOf('-->', position + 4)
      if (end === -1) fail('unclosed comment')
      position = end + 3
      continue
    }
    if (rest.startsWith('<![CDATA[', position)) {
      if (stack.length === 0) fail('CDATA outside the root element')
      const end = rest.indexOf(']]>', position + 9)
      if (end === -1) fail('unclosed CDATA section')
      position = end + 3
      continue
    }
    if (rest.startsWith('<?', position)) {
      const end = rest.indexOf('?>', position)
      if (end === -1) fail('unclosed processing instruction')
      position = end + 2
      continue
    }
    if (rest.startsWith('</', position)) {
      const match = /^<\/([^\s>]+)\s*>/.exec(rest.slice(position))
      if (!match) fail('malformed end tag')
      const open = stack.pop()
      if (!open || open.name !== match![1]) fail(`end tag </${match![1]}> does not match`)
      position += match![0].length
      continue
    }
    const nameMatch = /^<([^\s/>]+)/.exec(rest.slice(position))
    if (!nameMatch || !NAME.test(nameMatch[1])) fail('malformed start tag')
    const name = nameMatch![1]
    let cursor = position + nameMatch![0].length
    const attributes = new Map<string, string>()
    for (;;) {
      ATTRIBUTE.lastIndex = cursor
      const attribute = ATTRIBUTE.exec(rest)
      if (!attribute) break
      const [, attrName, , double, single] = attribute
      const value = double ?? single ?? ''
      if (!NAME.test(attrName)) fail(`bad attribute name ${attrName}`)
      if (attributes.has(attrName)) fail(`duplicate attribute ${attrName}`)
      if (value.includes('<')) fail(`"<" in the value of ${attrName}`)
      checkReferences(value, `attribute ${attrName}`)
      attributes.set(attrName, value)
      cursor = ATTRIBUTE.lastIndex
    }
    const close = /^\s*(\/?)>/.exec(rest.slice(cursor))
    if (!close) fail(`malformed start tag <${name}>`)
    const scope = new Map(stack.at(-1)?.scope ?? [])
    for (const [attrName, value] of attributes) {
      if (attrName === 'xmlns') scope.set('', value)
      else if (attrName.startsWith('xmlns:')) scope.set(attrName.slice(6), value)
    }
    for (const qualified of [name, ...[...attributes.keys()].filter((a) => a.includes(':'))]) {
      const prefix = qualified.includes(':') ? qualified.split(':')[0] : null
      if (prefix && !bound(prefix, scope)) fail(`unbound namespace prefix "${prefix}"`)
    }
    if (scope.get('xml') && scope.get('xml') !== XML_NS) fail('xml prefix rebound')
    if (stack.length === 0) roots += 1
    if (roots > 1) fail('more than one root element')
    position = cursor + close![0].length
    if (!close![1]) stack.push({ name, scope })
  }
  if (stack.length) throw new Error(`unclosed element <${stack.at(-1)!.name}>`)
  if (roots !== 1) throw new Error('no root element')
}

/** Parses well-formed XML into xml-js's element tree (throws on anything malformed). */
export const parseXml = (xml: string): Element => {
  assertWellFormed(xml)
  return xml2js(xml, { compact: false, captureSpacesBetweenElements: false }) as Element
}

/** The root element of a parsed document. */
export const rootOf = (doc: Element): Element => {
  const root = doc.elements?.find((element) => element.type === 'element')
  if (!root) throw new Error('no root element')
  return root
}

/** Child elements named `name` (all children without a name). */
export const children = (element: Element | undefined, name?: string): Element[] =>
  (element?.elements ?? []).filter(
    (child) => child.type === 'element' && (name === undefined || child.name === name),
  )

export const child = (element: Element | undefined, name: string): Element | undefined =>
  children(element, name)[0]

/** The text (and CDATA) content of an element. */
export const textOf = (element: Element | undefined): string =>
  (element?.elements ?? [])
    .map((node) =>
      node.type === 'text'
        ? String(node.text ?? '')
        : node.type === 'cdata'
          ? String(node.cdata ?? '')
          : '',
    )
    .join('')
