import {
  type ParseSourceSpan,
  parseTemplate,
  type TmplAstBoundText,
  type TmplAstElement,
  TmplAstRecursiveVisitor,
  type TmplAstTemplate,
  type TmplAstText,
  type TmplAstTextAttribute,
  tmplAstVisitAll,
} from '@angular/compiler';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const app = join(__dirname, '..');

/** Attributes a person reads or hears: a literal one is untranslated text. */
const READ_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'alt',
  'label',
  'mattooltip',
  'placeholder',
  'title',
]);

/** Elements whose text is not words: icon ligatures ("arrow_back") name a glyph. */
const NOT_WORDS = new Set(['mat-icon', 'style', 'script']);

/**
 * Literal text that is right as it stands in every language, each with why.
 * Keep this short: anything a reader understands as a word belongs in the
 * translation files.
 */
const ALLOWED: readonly { text: string; why: string }[] = [
  {
    text: 'https://',
    why: 'the meeting link placeholder shows the scheme the link must start with, the same in every language',
  },
];
const allowedSeen = new Set<string>();

/** Letters in any script; punctuation, digits, symbols and spaces are not words. */
const WORD = /\p{L}/u;

function isWords(text: string): boolean {
  const trimmed = text.trim();
  if (!WORD.test(trimmed)) return false;
  if (!ALLOWED.some((allowed) => allowed.text === trimmed)) return true;
  allowedSeen.add(trimmed);
  return false;
}

interface Finding {
  file: string;
  line: number;
  text: string;
}

class LiteralTextFinder extends TmplAstRecursiveVisitor {
  readonly found: Finding[] = [];
  private readonly open: string[] = [];

  constructor(
    private readonly file: string,
    private readonly lineOffset: number,
  ) {
    super();
  }

  override visitElement(element: TmplAstElement): void {
    this.open.push(element.name.toLowerCase());
    super.visitElement(element);
    this.open.pop();
  }

  override visitTemplate(template: TmplAstTemplate): void {
    this.open.push((template.tagName ?? 'ng-template').toLowerCase());
    super.visitTemplate(template);
    this.open.pop();
  }

  override visitText(text: TmplAstText): void {
    if (!this.inIcon() && isWords(text.value)) this.report(text.sourceSpan, text.value);
  }

  override visitBoundText(text: TmplAstBoundText): void {
    if (this.inIcon()) return;
    // The literal parts around the bindings: "{{ n }} more" leaves " more".
    const source = text.value as { ast?: { strings?: string[] } };
    for (const part of source.ast?.strings ?? [])
      if (isWords(part)) this.report(text.sourceSpan, part);
  }

  override visitTextAttribute(attribute: TmplAstTextAttribute): void {
    if (READ_ATTRIBUTES.has(attribute.name.toLowerCase()) && isWords(attribute.value))
      this.report(attribute.sourceSpan, `${attribute.name}="${attribute.value}"`);
  }

  private inIcon(): boolean {
    return this.open.some((name) => NOT_WORDS.has(name));
  }

  private report(span: ParseSourceSpan, text: string): void {
    this.found.push({
      file: this.file,
      line: span.start.line + 1 + this.lineOffset,
      text: text.trim(),
    });
  }
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(html|ts)$/.test(entry.name) && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The templates of a file: an .html template whole, or each inline `template:` of a .ts. */
function templatesOf(path: string): { text: string; lineOffset: number }[] {
  const content = readFileSync(path, 'utf8');
  if (path.endsWith('.html')) return [{ text: content, lineOffset: 0 }];
  const source = ts.createSourceFile(path, content, ts.ScriptTarget.Latest, true);
  const found: { text: string; lineOffset: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isPropertyAssignment(node) &&
      ts.isIdentifier(node.name) &&
      node.name.text === 'template' &&
      ts.isNoSubstitutionTemplateLiteral(node.initializer)
    ) {
      const start = node.initializer.getStart(source) + 1;
      found.push({
        text: node.initializer.text,
        lineOffset: source.getLineAndCharacterOfPosition(start).line,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function literalTextIn(file: string, template: string, lineOffset: number): Finding[] {
  const parsed = parseTemplate(template, file, { preserveWhitespaces: false });
  if (parsed.errors?.length) throw new Error(`${file}: ${parsed.errors.join('; ')}`);
  const finder = new LiteralTextFinder(file, lineOffset);
  tmplAstVisitAll(finder, parsed.nodes);
  return finder.found;
}

describe('the templates', () => {
  const templates = sourceFiles(app).flatMap((path) =>
    templatesOf(path).map((template) => ({ file: relative(app, path), ...template })),
  );

  it('are found, both files and inline ones', () => {
    expect(templates.some(({ file }) => file.endsWith('.html'))).toBe(true);
    expect(templates.some(({ file }) => file.endsWith('.ts'))).toBe(true);
  });

  it('hold no literal text: every word a person reads comes from the translation files', () => {
    const found = templates.flatMap(({ file, text, lineOffset }) =>
      literalTextIn(file, text, lineOffset),
    );
    expect(found).toEqual([]);
    // An exception nobody needs any more is taken off the list.
    expect(ALLOWED.map(({ text }) => text).filter((text) => !allowedSeen.has(text))).toEqual([]);
  });

  describe('the scanner', () => {
    const scan = (template: string) =>
      literalTextIn('example.html', template, 0).map(({ text }) => text);

    it('finds words in text, around bindings, and in read attributes', () => {
      expect(
        scan(`
          <p>Hello</p>
          <span>{{ count }} more</span>
          <button aria-label="Close" matTooltip="Close it"></button>
          <input placeholder="Search" />
          @if (x) { <em>Only here</em> }
        `),
      ).toEqual([
        'Hello',
        'more',
        'aria-label="Close"',
        'matTooltip="Close it"',
        'placeholder="Search"',
        'Only here',
      ]);
    });

    it('lets through translations, icon names, punctuation, numbers and bindings', () => {
      expect(
        scan(`
          <h1>{{ 'events.title' | transloco }}</h1>
          <mat-icon>arrow_back</mat-icon>
          <span>· – / 1000 ,</span>
          <button [attr.aria-label]="'common.close' | transloco" icon="event_busy"></button>
          <span>{{ a }} · {{ b }}</span>
          <input placeholder="https://" />
        `),
      ).toEqual([]);
    });
  });
});
