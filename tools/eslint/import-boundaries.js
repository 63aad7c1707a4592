// A local ESLint rule that enforces the import boundaries written in docs/ARCHITECTURE.md.
// Each boundary names the folder it governs and the targets code there must not import; a
// target is a workspace package name or a folder of this repository (relative imports are
// resolved before matching), so `../../features/x` is caught the same as a package import.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** @param {string} file @param {string} pattern e.g. "apps/web/src/features/*" */
function folderMatch(file, pattern) {
  const parts = pattern.split('/');
  const fileParts = file.split('/');
  if (fileParts.length < parts.length) return undefined;
  const captured = [];
  for (let index = 0; index < parts.length; index += 1) {
    if (parts[index] === '*') captured.push(fileParts[index]);
    else if (parts[index] !== fileParts[index]) return undefined;
  }
  return captured;
}

/** @type {import('eslint').Rule.RuleModule} */
export const importBoundaries = {
  meta: {
    type: 'problem',
    schema: [{ type: 'array' }],
    messages: { forbidden: '{{from}} may not import {{target}}: {{why}} (docs/ARCHITECTURE.md)' },
  },
  create(context) {
    const boundaries = context.options[0] ?? [];
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const isTest = /\.test\.tsx?$/.test(file) || file.includes('/test/');
    const active = boundaries.flatMap((boundary) => {
      const captured = folderMatch(file, boundary.from);
      if (!captured || (boundary.exceptTests && isTest)) return [];
      if (boundary.except?.some((/** @type {string} */ prefix) => file.startsWith(prefix))) return [];
      return [{ boundary, captured }];
    });
    if (active.length === 0) return {};

    /** @param {import('estree').Node} node @param {string} specifier */
    function check(node, specifier) {
      const target = specifier.startsWith('.')
        ? path
            .relative(root, path.resolve(path.dirname(context.filename), specifier))
            .split(path.sep)
            .join('/')
        : specifier;
      for (const { boundary, captured } of active) {
        for (const forbidden of boundary.forbid) {
          const matched = folderMatch(target, forbidden) ?? (target === forbidden ? [] : undefined);
          const prefixed = target === forbidden || target.startsWith(`${forbidden}/`);
          if (!matched && !prefixed) continue;
          // "features/*" forbids other features, not the importing feature itself.
          if (boundary.otherThanSelf && matched && matched[0] === captured[0]) continue;
          context.report({
            node,
            messageId: 'forbidden',
            data: { from: boundary.from, target, why: boundary.why },
          });
        }
      }
    }
    return {
      ImportDeclaration: (node) => check(node, String(node.source.value)),
      ExportNamedDeclaration: (node) => node.source && check(node, String(node.source.value)),
      ExportAllDeclaration: (node) => check(node, String(node.source.value)),
      ImportExpression: (node) => {
        if (node.source.type === 'Literal') check(node, String(node.source.value));
      },
    };
  },
};
