#!/usr/bin/env node
// Independent schema validation of synthesized manifests, outside cdk8s:
// - built-in kinds against kubernetes-models (generated from the Kubernetes OpenAPI schema),
// - custom resources against @kubernetes-models/* packages where one exists, and
// - when ../shared/crds is present, against the vendored CRDs' openAPIV3Schema with ajv.
// Usage: node validate-manifests.mjs [--crds DIR] FILE_OR_DIR...   Prints a JSON report.
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import Ajv from 'ajv';

const CRD_PACKAGES = {
  'monitoring.coreos.com': '@kubernetes-models/prometheus-operator',
  'argoproj.io': '@kubernetes-models/argo-cd',
  'gateway.networking.k8s.io': '@kubernetes-models/gateway-api',
  'cert-manager.io': '@kubernetes-models/cert-manager',
};

const args = process.argv.slice(2);
let crdDir;
const inputs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--crds') crdDir = args[++i];
  else inputs.push(args[i]);
}

function listFiles(p) {
  if (fs.statSync(p).isDirectory()) {
    return fs
      .readdirSync(p)
      .sort()
      .flatMap((f) => listFiles(path.join(p, f)));
  }
  return /\.ya?ml$/.test(p) ? [p] : [];
}

// CRD patterns are Go RE2; an inline (?i) becomes the JS "i" flag.
function goRegExp(pattern, flags) {
  return pattern.includes('(?i)')
    ? new RegExp(pattern.replaceAll('(?i)', ''), `${flags}i`)
    : new RegExp(pattern, flags);
}
goRegExp.code = 'goRegExp';

// Only CRD files that mention a wanted API group are parsed: the large ones (Kyverno, secret
// stores) cost a second or more each.
function crdSchemas(dir, groups) {
  const schemas = new Map();
  if (!dir || !fs.existsSync(dir)) return schemas;
  const ajv = new Ajv({
    strict: false,
    validateFormats: false,
    allErrors: true,
    code: { regExp: goRegExp },
  });
  for (const file of listFiles(dir)) {
    const text = fs.readFileSync(file, 'utf8');
    if (![...groups].some((g) => text.includes(`group: ${g}`))) continue;
    for (const doc of yaml.loadAll(text)) {
      if (doc?.kind !== 'CustomResourceDefinition') continue;
      for (const v of doc.spec.versions) {
        const schema = v.schema?.openAPIV3Schema;
        if (!schema) continue;
        let compiled;
        // Compiled on first use: the large CRDs (Kyverno, secret stores) cost seconds each.
        const lazy = (obj) => {
          compiled ??= ajv.compile(schema);
          const ok = compiled(obj);
          lazy.errors = compiled.errors;
          return ok;
        };
        schemas.set(`${doc.spec.group}/${v.name}/${doc.spec.names.kind}`, lazy);
      }
    }
  }
  return schemas;
}

async function modelFor(apiVersion, kind) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const pkg =
    group === '' || !group.includes('.') || (group.endsWith('.k8s.io') && !CRD_PACKAGES[group])
      ? 'kubernetes-models'
      : CRD_PACKAGES[group];
  if (!pkg) return undefined;
  const sub = group === '' ? version : `${group}/${version}`;
  try {
    const mod = await import(`${pkg}/${sub}/${kind}`);
    return mod[kind];
  } catch {
    return undefined;
  }
}

// Groups no npm package models for the Node versions package.json admits: only the vendored CRDs can
// check them. Without --crds they are reported as `uncheckable` (the caller says so visibly) instead
// of failing as unvalidated. external-secrets.io: the only model of its v1 API
// (@kubernetes-models/external-secrets 2.x) requires Node >= 22; 0.5.x models v1beta1, whose
// ExternalSecret schema differs from v1 (data, dataFrom, target, syncWindows).
const CRD_ONLY_GROUPS = ['kyverno.io', 'autoscaling.k8s.io', 'external-secrets.io'];
const report = { checked: 0, byModel: 0, byCrd: 0, errors: [], unvalidated: [], uncheckable: [] };
const documents = [];
for (const file of inputs.flatMap(listFiles)) {
  try {
    documents.push({ file, docs: yaml.loadAll(fs.readFileSync(file, 'utf8')).filter(Boolean) });
  } catch (e) {
    report.errors.push({ file, message: `unparseable YAML: ${e.message}` });
  }
}
const groups = new Set(documents.flatMap(({ docs }) => docs.map((d) => String(d.apiVersion).split('/')[0])));
const crds = crdSchemas(crdDir, groups);
for (const { file, docs } of documents) {
  for (const obj of docs) {
    const where = `${file}: ${obj.kind}/${obj.metadata?.name}`;
    report.checked++;
    let validated = false;
    const Model = await modelFor(obj.apiVersion, obj.kind);
    if (Model) {
      validated = true;
      report.byModel++;
      try {
        new Model(obj).validate();
      } catch (e) {
        report.errors.push({ file, object: where, message: `${e.message} ${JSON.stringify(e.errors ?? [])}` });
      }
    }
    const [group, version] = obj.apiVersion.split('/');
    const crd = crds.get(`${group}/${version}/${obj.kind}`);
    if (crd) {
      validated = true;
      report.byCrd++;
      if (!crd(obj)) report.errors.push({ file, object: where, message: `CRD schema: ${JSON.stringify(crd.errors)}` });
    }
    if (!validated && crds.size === 0 && !crdDir && CRD_ONLY_GROUPS.includes(group)) report.uncheckable.push(where);
    else if (!validated) report.unvalidated.push(where);
  }
}
process.stdout.write(JSON.stringify(report, null, 2) + '\n');
process.exit(report.errors.length > 0 ? 1 : 0);
