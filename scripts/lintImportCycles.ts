/**
 * `npm run lint:cycles` (part of `npm run lint`): fails when product code has an import cycle,
 * counting `import type` too. ESLint's import-x/no-cycle catches the cycles that exist at run
 * time; a cycle through types alone still ties two parts together (docs/architecture.md), so
 * this check reads every relative import and export-from of shared/, node/, electron/ and
 * renderer/ with TypeScript's own pre-processor and looks for strongly connected components.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = join(import.meta.dirname, '..');
const FOLDERS = ['shared', 'node', 'electron', 'renderer'];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((ref) => ref.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => resolve(dirname(file), name))
    .filter((path) => existsSync(path));
}

/** Tarjan's strongly connected components with more than one file: the cycles. */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node) as number);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1) found.push(component);
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

const graph = new Map<string, string[]>();
for (const folder of FOLDERS) {
  for (const file of sourceFiles(join(root, folder))) graph.set(file, importsOf(file));
}
const found = cycles(graph);
for (const cycle of found) {
  console.error(
    `import cycle: ${cycle
      .map((f) => relative(root, f))
      .sort()
      .join(' ↔ ')}`,
  );
}
if (found.length > 0) process.exit(1);
console.log(`no import cycles among ${graph.size} files`);
