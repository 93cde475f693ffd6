/**
 * Escaping for the static report pages. Rule messages, response excerpts and curl lines come
 * from the target under test, so every string that reaches a page goes through one of these.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML element content and for quoted attribute values.
 * @param text any string, including markup from a hostile response body.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/**
 * Serialises a value as JSON that is safe inside `<script type="application/json">`: `<`, `>`
 * and `&` become `\u003c`, `\u003e`, `\u0026`, so a `</script>` in a string cannot end the
 * block. `JSON.parse` of the block's text gives back the same value.
 * @param value any JSON-serialisable value.
 * @param indent spaces of indentation; default 2, so the page's source stays readable.
 */
export function jsonForScript(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Renders `data-*` attributes with escaped values: `{ made: 3 }` gives ` data-made="3"`.
 * Keys are camelCase and become kebab-case (`waitedSeconds` → `data-waited-seconds`).
 * @param values attribute values; strings and numbers.
 */
export function dataAttributes(values: Readonly<Record<string, string | number>>): string {
  return Object.entries(values)
    .map(([key, value]) => {
      const name = key.replace(/[A-Z]/g, (upper) => `-${upper.toLowerCase()}`);
      return ` data-${name}="${escapeHtml(String(value))}"`;
    })
    .join('');
}

/**
 * Renders one element with escaped attribute values; `content` is inserted as is (escape it
 * first). Without content the element is self-closed, which suits SVG shapes.
 * @param name element name, e.g. `rect`.
 * @param attributes attribute values; numbers are written as given.
 * @param content inner markup.
 */
export function element(
  name: string,
  attributes: Readonly<Record<string, string | number>>,
  content?: string,
): string {
  const written = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeHtml(String(value))}"`)
    .join('');
  return content === undefined ? `<${name}${written}/>` : `<${name}${written}>${content}</${name}>`;
}
