// The API's documentation, generated from the route table (schemas.ts): OpenAPI 3 for tools, and a plain HTML
// page for people (no script, no stylesheet from elsewhere).
import { packageVersion } from '../paths.ts';
import { ERROR_SCHEMA, ROUTES, type JsonSchema, type RouteSpec } from './schemas.ts';

const openApiPath = (url: string) => url.replace(/:([A-Za-z]+)/g, '{$1}');

function parameters(route: RouteSpec): unknown[] {
  const list: unknown[] = [];
  for (const [where, schema] of [['path', route.params], ['query', route.querystring]] as const) {
    const props = (schema?.properties ?? {}) as Record<string, JsonSchema>;
    const required = (schema?.required ?? []) as string[];
    for (const [name, s] of Object.entries(props)) {
      list.push({ name, in: where, required: where === 'path' || required.includes(name), description: s.description, schema: s });
    }
  }
  return list;
}

export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) {
    const content: Record<string, unknown> = {};
    if (route.body) {
      content['application/json'] = { schema: route.body };
      for (const type of route.bodyTypes ?? []) content[type] = { schema: { type: 'string', description: 'the scenario YAML text' } };
    }
    (paths[openApiPath(route.url)] ??= {})[route.method.toLowerCase()] = {
      operationId: route.id,
      summary: route.summary,
      ...(route.write ? { security: [{ bearer: [] }] } : {}),
      parameters: parameters(route),
      ...(route.body ? { requestBody: { required: (route.body.required as string[] | undefined)?.length ? true : false, content } } : {}),
      responses: {
        [String(route.response.status)]: { description: route.response.description, ...(route.response.status === 204 ? {} : { content: { 'application/json': { schema: route.response.schema ?? { type: 'object' } } } }) },
        '4XX': { description: 'a bad request (400), a missing or wrong token (401), an unknown id (404), a body too large (413), an invalid dataset or scenario (422)', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Corridor API', version: packageVersion(), description: 'Datasets, dependence metrics, scenarios and their runs, comparisons and news ingestion (docs/server.md).' },
    paths,
    components: { schemas: { Error: ERROR_SCHEMA }, securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'a token from `corridor token create NAME`' } } },
  };
}

const escape = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function fieldRows(schema: JsonSchema | undefined, where: string): string[] {
  const props = (schema?.properties ?? {}) as Record<string, JsonSchema>;
  const required = (schema?.required ?? []) as string[];
  return Object.entries(props).map(([name, s]) => {
    const limits = [s.type, s.maxLength !== undefined ? `≤ ${String(s.maxLength)} chars` : '', s.pattern ? `pattern ${String(s.pattern)}` : '', s.maxItems !== undefined ? `≤ ${String(s.maxItems)} items` : ''].filter(Boolean).join('; ');
    return `<tr><td><code>${escape(name)}</code></td><td>${escape(where)}</td><td>${required.includes(name) || where === 'path' ? 'yes' : 'no'}</td><td>${escape(limits)}</td><td>${escape(s.description)}</td></tr>`;
  });
}

/** The /docs page. */
export function docsPage(): string {
  const sections = ROUTES.map((route) => {
    const rows = [...fieldRows(route.params, 'path'), ...fieldRows(route.querystring, 'query'), ...fieldRows(route.body, 'body')];
    return [
      `<h2 id="${escape(route.id)}"><code>${escape(route.method)} ${escape(route.url)}</code></h2>`,
      `<p>${escape(route.summary)}</p>`,
      `<p>${route.write ? 'Needs an API token (<code>Authorization: Bearer TOKEN</code>).' : 'Open to read (unless the server runs with <code>--protect-reads</code>).'}${route.bodyTypes ? ` Body: JSON, or ${route.bodyTypes.map((t) => `<code>${escape(t)}</code>`).join(' / ')} text.` : ''}</p>`,
      rows.length ? `<table><tr><th>field</th><th>in</th><th>required</th><th>type and limits</th><th>meaning</th></tr>${rows.join('')}</table>` : '',
      `<p>Success: ${escape(route.response.status)} — ${escape(route.response.description)}</p>`,
    ].join('\n');
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Corridor API</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top}code{background:#f4f4f4}</style>
</head><body>
<h1>Corridor API ${escape(packageVersion())}</h1>
<p>Every error is <code>{"error": {"code", "message", "field"?, "details"?}}</code> with a code of the error list (docs/errors.md). The machine-readable description is <a href="/openapi.json">/openapi.json</a> (OpenAPI 3).</p>
<ul>${ROUTES.map((r) => `<li><a href="#${escape(r.id)}"><code>${escape(r.method)} ${escape(r.url)}</code></a></li>`).join('')}</ul>
${sections.join('\n')}
</body></html>
`;
}
