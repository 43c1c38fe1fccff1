/* eslint-disable import/no-extraneous-dependencies -- Preact is bundled into the web app at build time: a devDependency, never a runtime dependency of the library */
/**
 * The settings form, GENERATED from the published JSON Schema of a tenant spec
 * (schema/tenant-spec.tenant.schema.json, bundled at build time): one section per block, one field
 * per whitelisted setting, each with its allowed values (enum, range, step, form) and its default
 * (the schema's "Default: ..." text). The API validates with the same rules; its problems are shown
 * beside their fields.
 */
import { Fragment } from 'preact';
import schemaJson from '../../../../schema/tenant-spec.tenant.schema.json';

type Json = any;
const schema: Json = schemaJson;

/** A field of the form: a leaf setting of the spec. */
export interface Field {
  /** Path in the spec, e.g. `database.maxCapacity`, `function.domain.zoneName`. */
  readonly path: string;
  readonly label: string;
  readonly kind: 'enum' | 'string' | 'number' | 'integer' | 'boolean' | 'list';
  readonly options?: string[];
  readonly min?: number;
  readonly max?: number;
  readonly step?: number;
  readonly pattern?: string;
  readonly maxItems?: number;
  readonly help: string;
  readonly defaultText?: string;
}

/** A section: a block of settings (database, function...). */
export interface Section {
  readonly key: string;
  readonly title: string;
  readonly description: string;
  readonly fields: Field[];
}

function resolve(node: Json): Json {
  if (node && typeof node.$ref === 'string') return schema.definitions[node.$ref.replace('#/definitions/', '')];
  return node;
}

function words(name: string): string {
  const s = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
  const t = s.charAt(0).toUpperCase() + s.slice(1);
  return t.replace(/\bCidrs\b/g, 'CIDRs').replace(/\bCidr\b/g, 'CIDR').replace(/\bVpc\b/g, 'VPC').replace(/\bId\b/g, 'ID').replace(/\bArn\b/g, 'ARN');
}

function fieldsOf(node: Json, prefix: string, labelPrefix: string): Field[] {
  const out: Field[] = [];
  for (const [name, raw] of Object.entries<Json>(node.properties ?? {})) {
    const prop = resolve(raw);
    const path = prefix ? `${prefix}.${name}` : name;
    const label = `${labelPrefix}${words(name)}`;
    const description: string = prop.description ?? '';
    const defaultMatch = description.match(/Default: (.*?)\.?$/);
    const help = description.replace(/\s*Default: .*$/, '');
    const base = { path, label, help, defaultText: defaultMatch?.[1] };
    if (prop.type === 'object') {
      out.push(...fieldsOf(prop, path, `${label}: `));
    } else if (Array.isArray(prop.enum)) {
      out.push({ ...base, kind: 'enum', options: prop.enum.map(String) });
    } else if (prop.type === 'boolean') {
      out.push({ ...base, kind: 'boolean' });
    } else if (prop.type === 'number' || prop.type === 'integer') {
      out.push({ ...base, kind: prop.type, min: prop.minimum, max: prop.maximum, step: prop.multipleOf ?? (prop.type === 'integer' ? 1 : undefined) });
    } else if (prop.type === 'array') {
      out.push({ ...base, kind: 'list', maxItems: prop.maxItems, pattern: prop.items?.pattern });
    } else {
      out.push({ ...base, kind: 'string', pattern: prop.pattern });
    }
  }
  return out;
}

/** The spec's sections, in the schema's order (the identity fields are not a section). */
export function sections(): Section[] {
  const root = schema.definitions.TenantSpec;
  return Object.entries<Json>(root.properties)
    .filter(([, p]) => resolve(p)?.type === 'object')
    .map(([key, p]) => {
      const def = resolve(p);
      return { key, title: words(key), description: def.description ?? '', fields: fieldsOf(def, key, '') };
    });
}

/** The value of a path in a spec. */
export function valueAt(spec: Json, path: string): unknown {
  return path.split('.').reduce((o, k) => (o && typeof o === 'object' ? o[k] : undefined), spec);
}

/** A draft's text for a field (what the input shows). */
export function textOf(field: Field, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (field.kind === 'list') return (value as string[]).join('\n');
  return String(value);
}

/** The JSON value of a field's text: undefined means "the default" (removed from the spec). */
export function parseText(field: Field, text: string): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  if (field.kind === 'list') return t.split(/[\s,]+/).filter(Boolean);
  if (field.kind === 'number' || field.kind === 'integer') return Number.isFinite(Number(t)) ? Number(t) : t;
  if (field.kind === 'boolean') return t === 'true';
  return t;
}

/** The JSON merge patch (null removes) that turns `spec` into the draft. */
export function mergePatch(spec: Json, draft: Record<string, string>, all: Section[]): Record<string, unknown> {
  const patch: Record<string, any> = {};
  for (const s of all) {
    for (const f of s.fields) {
      if (!(f.path in draft)) continue;
      const before = valueAt(spec, f.path);
      const after = parseText(f, draft[f.path]);
      if (JSON.stringify(before) === JSON.stringify(after)) continue;
      const keys = f.path.split('.');
      let o = patch;
      keys.slice(0, -1).forEach((k) => { o[k] = o[k] ?? {}; o = o[k]; });
      o[keys[keys.length - 1]] = after === undefined ? null : after;
    }
  }
  return patch;
}

/** The field a problem is about: `spec.database.allowedCidrs[0]: ...` -> `database.allowedCidrs`. */
export function fieldOfProblem(problem: string, all: Section[]): string | undefined {
  const path = problem.split(':')[0].replace(/^(spec|settings)\./, '').replace(/\[\d+\]/g, '');
  const paths = all.flatMap((s) => s.fields.map((f) => f.path));
  return paths.find((p) => path === p) ?? paths.find((p) => path.startsWith(`${p}.`)) ?? paths.filter((p) => p.startsWith(`${path}.`))[0];
}

function id(path: string): string {
  return `field-${path.replace(/\./g, '-')}`;
}

/** Props of {@link SettingsForm}. */
export interface SettingsFormProps {
  readonly spec: Json;
  readonly editable: boolean;
  /** Settings decided by the platform (JSON paths): shown, never editable. */
  readonly fixed?: string[];
  readonly draft: Record<string, string>;
  readonly problems: Record<string, string[]>;
  readonly onChange: (path: string, text: string) => void;
}

function allowedText(f: Field): string {
  if (f.kind === 'enum') return `One of: ${f.options!.join(', ')}.`;
  if (f.kind === 'boolean') return 'On or off.';
  if (f.kind === 'number' || f.kind === 'integer') return `From ${f.min ?? '-'} to ${f.max ?? '-'}${f.step && f.step !== 1 ? `, in steps of ${f.step}` : f.kind === 'integer' ? ', whole numbers' : ''}.`;
  if (f.kind === 'list') return `One per line${f.maxItems ? `, at most ${f.maxItems}` : ''}.`;
  return '';
}

interface InputProps { f: Field; text: string; editable: boolean; invalid: boolean; describedBy: string; onChange: (t: string) => void }

function Input({ f, text, editable, invalid, describedBy, onChange }: InputProps) {
  const common = { 'id': id(f.path), 'name': f.path, 'aria-describedby': describedBy, 'aria-invalid': invalid ? 'true' as const : undefined };
  if (!editable) {
    return <output id={id(f.path)} aria-describedby={describedBy} class="value">{text === '' ? <span class="muted">default</span> : text.split('\n').map((l, i) => <Fragment key={i}>{i > 0 && <br />}{l}</Fragment>)}</output>;
  }
  if (f.kind === 'enum' || f.kind === 'boolean') {
    const options = f.kind === 'boolean' ? ['true', 'false'] : f.options!;
    return (
      <select {...common} value={text} onChange={(e) => onChange((e.target as HTMLSelectElement).value)}>
        <option value="">(default)</option>
        {options.map((o) => <option key={o} value={o}>{f.kind === 'boolean' ? (o === 'true' ? 'On' : 'Off') : o}</option>)}
      </select>
    );
  }
  if (f.kind === 'list') {
    return <textarea {...common} rows={Math.max(2, text.split('\n').length + 1)} value={text} onInput={(e) => onChange((e.target as HTMLTextAreaElement).value)} />;
  }
  if (f.kind === 'number' || f.kind === 'integer') {
    return <input {...common} type="number" inputMode="decimal" min={f.min} max={f.max} step={f.step ?? 'any'} value={text} placeholder="default" onInput={(e) => onChange((e.target as HTMLInputElement).value)} />;
  }
  return <input {...common} type="text" value={text} placeholder="default" spellcheck={false} onInput={(e) => onChange((e.target as HTMLInputElement).value)} />;
}

/** The generated form (or, for a viewer, the same fields read-only: no edit control at all). */
export function SettingsForm({ spec, editable, fixed, draft, problems, onChange }: SettingsFormProps) {
  return (
    <Fragment>
      {sections().map((s) => (
        <fieldset key={s.key} class="section">
          <legend>{s.title}</legend>
          {s.description && <p class="muted">{s.description}</p>}
          {s.fields.map((f) => {
            const text = f.path in draft ? draft[f.path] : textOf(f, valueAt(spec, f.path));
            const own = problems[f.path] ?? [];
            const helpId = `${id(f.path)}-help`;
            const errId = `${id(f.path)}-problems`;
            return (
              <div key={f.path} class={`field${own.length ? ' has-problem' : ''}`}>
                <label for={id(f.path)}>{f.label}</label>
                <Input f={f} text={text} editable={editable && !(fixed ?? []).includes(f.path)} invalid={own.length > 0} describedBy={own.length ? `${errId} ${helpId}` : helpId} onChange={(t) => onChange(f.path, t)} />
                <p id={helpId} class="help">
                  {f.help} {allowedText(f)} {f.defaultText && <span class="default">Default: {f.defaultText}.</span>}
                  {editable && (fixed ?? []).includes(f.path) && <span class="default"> Decided by the platform.</span>}
                </p>
                {own.length > 0 && (
                  <ul id={errId} class="problems">
                    {own.map((p) => <li key={p}>{p.replace(/^[^:]+: /, '')}</li>)}
                  </ul>
                )}
              </div>
            );
          })}
        </fieldset>
      ))}
    </Fragment>
  );
}
