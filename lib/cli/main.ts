import * as fs from 'fs';
import * as path from 'path';
import { checkManifestFiles, LocatedReport } from '../readiness/located';
import { PACKS, PackName } from '../readiness/packs';
import { parsePolicyVersion, PolicyVersionName } from '../readiness/policy-version';
import { parseKubeMinor } from '../readiness/removed-apis';
import { renderJson, renderText, UncheckedJson } from '../readiness/render';
import { renderSarif } from '../readiness/render-sarif';
import { InputError, readManifests } from './read-manifests';

/** Where the command reads and writes; the real process streams by default, tests pass their own. */
export interface CommandIo {
  /** Writes to standard output. */
  readonly stdout: (text: string) => void;
  /** Writes to standard error. */
  readonly stderr: (text: string) => void;
  /** Reads all of standard input. */
  readonly readStdin: () => string;
}

const USAGE = `Usage: cdk8s-production check [--pack NAME] [--format text|json|sarif] [--pss-version vX.Y] [--kube-version vX.Y] PATH...

Checks Kubernetes manifests against the production-readiness rules.

  PATH                 a file, a folder (searched recursively for .yaml, .yml, .json) or - for stdin
  --pack NAME          ${Object.keys(PACKS).join(', ')} (default: production)
  --format FORMAT      text, json or sarif (SARIF 2.1.0, for code scanning) (default: text)
  --pss-version V      Pod Security policy version, v1.25 to v1.37 or latest (default: v1.28)
  --kube-version V     Kubernetes version the manifests target; API versions it no longer serves are errors
                       (default: v1.28)
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 no error-level finding, 1 error-level findings, 2 usage error or an input not checked
(unparseable, not a Kubernetes object, or a path holding no object); the other inputs are still
checked and reported.
`;

/** Parsed options of `check`. */
interface CheckArgs {
  readonly pack: PackName;
  readonly format: 'text' | 'json' | 'sarif';
  readonly pssVersion: PolicyVersionName;
  readonly kubeVersion: string;
  readonly inputs: string[];
}

class UsageError extends Error {}

function parseArgs(args: readonly string[]): CheckArgs {
  let pack = 'production';
  let format = 'text';
  let pssVersion = 'v1.28';
  let kubeVersion = 'v1.28';
  const inputs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => {
      const v = inline ?? args[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--pack') pack = value();
    else if (flag === '--format') format = value();
    else if (flag === '--pss-version') pssVersion = value();
    else if (flag === '--kube-version') kubeVersion = value();
    else if (arg !== '-' && arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else inputs.push(arg);
  }
  if (!(pack in PACKS)) throw new UsageError(`unknown pack "${pack}"; use one of ${Object.keys(PACKS).join(', ')}`);
  if (format !== 'text' && format !== 'json' && format !== 'sarif')
    throw new UsageError(`unknown format "${format}"; use text, json or sarif`);
  try {
    parsePolicyVersion(pssVersion, { refuseNewer: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (parseKubeMinor(kubeVersion) === undefined) {
    throw new UsageError(`--kube-version "${kubeVersion}" is not a Kubernetes version; use one such as v1.28`);
  }
  if (inputs.length === 0) throw new UsageError('no PATH given');
  return {
    pack: pack as PackName,
    format: format as CheckArgs['format'],
    pssVersion: pssVersion as PolicyVersionName,
    kubeVersion,
    inputs,
  };
}

/** The package's version and home page, from its package.json (beside lib/ or build/lib/). */
function packageInfo(): { version: string; informationUri?: string } {
  for (const candidate of [
    path.join(__dirname, '..', '..', 'package.json'),
    path.join(__dirname, '..', '..', '..', 'package.json'),
  ]) {
    if (fs.existsSync(candidate)) {
      const json = JSON.parse(fs.readFileSync(candidate, 'utf8'));
      return { version: json.version, informationUri: json.homepage };
    }
  }
  return { version: 'unknown' };
}

function version(): string {
  return packageInfo().version;
}

function render(format: CheckArgs['format'], report: LocatedReport, unchecked: readonly UncheckedJson[]): string {
  if (format === 'json') return renderJson(report, unchecked);
  if (format === 'sarif') return renderSarif(report, packageInfo(), unchecked);
  return renderText(report, unchecked);
}

/** Runs `cdk8s-production <args>` and returns the exit code; never calls process.exit. */
export function run(argv: readonly string[], io: CommandIo): number {
  if (argv.includes('-h') || argv.includes('--help') || argv.length === 0) {
    (argv.length === 0 ? io.stderr : io.stdout)(USAGE);
    return argv.length === 0 ? 2 : 0;
  }
  if (argv.includes('-v') || argv.includes('--version')) {
    io.stdout(`${version()}\n`);
    return 0;
  }
  const [command, ...rest] = argv;
  try {
    if (command !== 'check') throw new UsageError(`unknown command "${command}"; the command is check`);
    const args = parseArgs(rest);
    const { sources, unchecked } = readManifests(args.inputs, io.readStdin);
    const report = checkManifestFiles(sources, {
      pack: args.pack,
      pssVersion: args.pssVersion,
      kubeVersion: args.kubeVersion,
    });
    for (const u of unchecked) io.stderr(`cdk8s-production: not checked: ${u.file}: ${u.reason}\n`);
    io.stdout(render(args.format, report, unchecked));
    if (unchecked.length > 0) return 2;
    return report.summary.errors > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`cdk8s-production: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof InputError) {
      io.stderr(`cdk8s-production: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

/** The process entry point: real streams, real exit code. */
export function main(): void {
  process.exitCode = run(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin: () => fs.readFileSync(0, 'utf8'),
  });
}
