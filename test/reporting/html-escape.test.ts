import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { dataAttributes, escapeHtml, jsonForScript } from '../../engine/reporting/html-escape.ts';

describe('escapeHtml', () => {
  it('turns markup into text', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toMatchInlineSnapshot(
      `"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"`,
    );
  });

  test.prop([fc.string({ unit: 'binary' })])('leaves no markup character unescaped', (text) => {
    const escaped = escapeHtml(text);

    expect(escaped).not.toMatch(/[<>"']/);
    expect(escaped.replace(/&(amp|lt|gt|quot|#39);/g, '')).not.toContain('&');
  });
});

describe('jsonForScript', () => {
  // Compared with a plain JSON round trip: JSON itself turns -0 into 0.
  test.prop([fc.jsonValue()])('parses back to what JSON.stringify encodes', (value) => {
    expect(JSON.parse(jsonForScript(value))).toEqual(JSON.parse(JSON.stringify(value)));
  });

  test.prop([fc.string({ unit: 'binary' })])(
    'never contains a sequence that ends or opens a script element',
    (text) => {
      const json = jsonForScript({ message: `</script>${text}<!--` });

      expect(json).not.toMatch(/<\/?script|<!--/i);
      expect(json).not.toContain('<');
    },
  );
});

describe('dataAttributes', () => {
  it('kebab-cases names and escapes values', () => {
    expect(dataAttributes({ waitedSeconds: 4, ruleId: 'A"<B' })).toMatchInlineSnapshot(
      `" data-waited-seconds="4" data-rule-id="A&quot;&lt;B""`,
    );
  });
});
