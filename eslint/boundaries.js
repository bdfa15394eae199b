// A local ESLint rule for the import boundaries of STYLE.md rule 12.
//
// Each import is resolved against the importing file's own folder, so '../../../db/client.js'
// from src/server/routes/x/y.ts and '../db/client.js' from src/server/z.ts both become
// 'src/db/client' and are judged by the folder they reach, whatever the file's depth. A regular
// expression on the written path cannot tell those apart. Packages are judged by their name
// ('drizzle-orm/pg-core' is 'drizzle-orm'; 'fs' is 'node:fs').
//
// Options (one object; eslint.config.js sets it per file group):
//   forbid:    [{ folder?: 'src/db', package?: 'drizzle-orm' | 'fastify*' | '@fastify/*' | 'node:*',
//                 allowTypeOnly?: ['src/db/client'], message }]
//              An import that reaches the folder (or names the package) is reported with the message,
//              unless it is a type-only import ('import type', 'export type', import('…').T) of one
//              of the modules in allowTypeOnly.
//   allowOnly: { folders: ['src/domain'], packages: ['temporal-polyfill'], message }
//              Every other folder and package is reported with the message.
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: this file lives in <root>/eslint/. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtins = new Set(builtinModules.filter((name) => !name.startsWith('_')));
const extension = /\.(?:[cm]?[jt]sx?)$/;

/**
 * What a specifier names: { kind: 'file', path: 'src/db/client' } (relative to the root, no
 * extension) or { kind: 'package', name: 'drizzle-orm' | '@fastify/static' | 'node:fs' }.
 */
export function resolveSpecifier(specifier, importingFile) {
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const absolute = path.resolve(path.dirname(importingFile), specifier);
    const relative = path.relative(root, absolute).split(path.sep).join('/');
    return { kind: 'file', path: relative.replace(extension, '') };
  }
  if (specifier.startsWith('node:')) return { kind: 'package', name: `node:${specifier.slice(5).split('/')[0]}` };
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return { kind: 'package', name: builtins.has(name) ? `node:${name}` : name };
}

function inFolder(filePath, folder) {
  return filePath === folder || filePath.startsWith(`${folder}/`);
}

/** 'fastify*' matches fastify and fastify-type-provider-zod; '@fastify/*' the whole scope. */
function packageMatches(name, pattern) {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}

function sameModule(filePath, module) {
  return filePath === module || filePath === `${module}/index`;
}

const importBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep each layer to the folders and packages it may import (STYLE.md rule 12).' },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          forbid: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              properties: {
                folder: { type: 'string' },
                package: { type: 'string' },
                allowTypeOnly: { type: 'array', items: { type: 'string' } },
                message: { type: 'string' },
              },
              required: ['message'],
            },
          },
          allowOnly: {
            type: 'object',
            additionalProperties: false,
            properties: {
              folders: { type: 'array', items: { type: 'string' } },
              packages: { type: 'array', items: { type: 'string' } },
              message: { type: 'string' },
            },
            required: ['folders', 'packages', 'message'],
          },
        },
      },
    ],
    messages: { boundary: "'{{specifier}}' crosses a boundary: {{message}}" },
  },
  create(context) {
    const { forbid = [], allowOnly } = context.options[0] ?? {};

    function check(node, source, typeOnly) {
      if (!source || typeof source.value !== 'string') return;
      const specifier = source.value;
      const target = resolveSpecifier(specifier, context.filename);
      const report = (message) => context.report({ node, messageId: 'boundary', data: { specifier, message } });

      for (const rule of forbid) {
        const hit =
          target.kind === 'file'
            ? rule.folder !== undefined && inFolder(target.path, rule.folder)
            : rule.package !== undefined && packageMatches(target.name, rule.package);
        if (!hit) continue;
        const allowed =
          typeOnly && target.kind === 'file' && (rule.allowTypeOnly ?? []).some((m) => sameModule(target.path, m));
        if (!allowed) return report(rule.message);
      }

      if (allowOnly) {
        const allowed =
          target.kind === 'file'
            ? allowOnly.folders.some((folder) => inFolder(target.path, folder))
            : allowOnly.packages.some((pattern) => packageMatches(target.name, pattern));
        if (!allowed) report(allowOnly.message);
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source, node.importKind === 'type'),
      ExportNamedDeclaration: (node) => check(node, node.source, node.exportKind === 'type'),
      ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === 'type'),
      ImportExpression: (node) => check(node, node.source, false),
      TSImportEqualsDeclaration: (node) =>
        check(node, node.moduleReference.expression, node.importKind === 'type'),
      TSImportType: (node) => check(node, node.source, true),
    };
  },
};

export default {
  meta: { name: 'boundaries' },
  rules: { imports: importBoundaries },
};
