import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * The source tree as data, for the architecture tests: every module under src/, the modules
 * it imports (static, dynamic and type-only, relative paths only), and its functions with
 * their lengths in lines.
 */
export const SRC = resolve(import.meta.dirname, '../../src');

export function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Module path relative to src/ without extension, e.g. "ingest/plan". */
export const moduleName = (path: string): string => relative(SRC, path).replace(/\.ts$/, '');

export function importsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const found: string[] = [];
  const pattern = /(?:from\s+|import\s*\(\s*|import\s+)'(\.{1,2}\/[^']+)'/g;
  for (const match of text.matchAll(pattern)) {
    found.push(moduleName(resolve(dirname(path), (match[1] as string).replace(/\.js$/, '.ts'))));
  }
  return found;
}

export interface FunctionLength {
  readonly module: string;
  readonly name: string;
  readonly lines: number;
  /** The comment just above the function says why it is long ("Long because …"). */
  readonly justified: boolean;
}

export function functionLengths(path: string): FunctionLength[] {
  const text = readFileSync(path, 'utf8');
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true);
  const out: FunctionLength[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isConstructorDeclaration(node)) {
      const start = file.getLineAndCharacterOfPosition(node.getStart()).line;
      const end = file.getLineAndCharacterOfPosition(node.getEnd()).line;
      const holder = ts.isArrowFunction(node) || ts.isFunctionExpression(node) ? node.parent?.parent ?? node : node;
      const comments = ts.getLeadingCommentRanges(text, holder.getFullStart()) ?? [];
      const justified = comments.some((c) => /Long because/.test(text.slice(c.pos, c.end)));
      const name = (node as { name?: ts.Node }).name?.getText(file) ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText(file) : '(anonymous)');
      out.push({ module: moduleName(path), name, lines: end - start + 1, justified });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}
