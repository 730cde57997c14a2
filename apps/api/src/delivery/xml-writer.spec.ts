import { XmlWriter } from './xml-writer';

describe('the XML writer', () => {
  it('escapes text and attributes, and drops what XML cannot carry', () => {
    const xml = new XmlWriter()
      .start('root', { note: 'a "quoted" <b> & \n line' })
      .leaf('text', {}, 'Tom & Jerry <script>\u0001\uD800')
      .leaf('empty', { skipped: undefined, kept: 0 })
      .end()
      .toString();
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<root note="a &quot;quoted&quot; &lt;b&gt; &amp; &#10; line">\n' +
        '  <text>Tom &amp; Jerry &lt;script&gt;</text>\n' +
        '  <empty kept="0"/>\n' +
        '</root>\n',
    );
  });

  it('refuses names that are not XML names, and elements left open', () => {
    expect(() => new XmlWriter().leaf('a b')).toThrow(/not an XML name/);
    expect(() => new XmlWriter().start('a').toString()).toThrow(/left open/);
  });
});
