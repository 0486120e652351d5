import * as path from 'path';
import { Manifest } from '../../../lib';
import { buildOutput, Output } from '../../../apps/synth';
import { findObject, ROOT } from '../../support/manifests';

/** The committed output of the example platform. */
export const DIST = path.join(ROOT, 'dist');

let built: Output | undefined;

/**
 * The example platform's whole output, as `npm run synth` builds it. Built on the first call and kept:
 * Jest gives every test file its own module registry, so a test file builds it at most once.
 * Tests only read it.
 */
export function platformOutput(): Output {
  built ??= buildOutput();
  return built;
}

/** Every object written to `folder` (`production`, `argocd`, ...). */
export function objectsIn(folder: string): Manifest[] {
  return platformOutput()
    .manifests.filter((f) => f.path.startsWith(`${folder}/`))
    .flatMap((f) => f.objects);
}

/** The single object of `kind` named `name` in `folder`. */
export function findIn(folder: string, kind: string, name: string): any {
  return findObject(objectsIn(folder), kind, name);
}

/** What a script printed and the exit code it set. */
export interface ScriptResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

/**
 * Runs an entry point of `apps/` (such as `apps/diff.ts`) in this process, as `tsx` would run it:
 * with `args` on its command line and `env` added to its environment, its output captured. The script
 * and everything it loads come fresh from a module registry of their own.
 */
export function runScript(script: string, args: string[], env: Record<string, string> = {}): ScriptResult {
  const saved = { argv: process.argv, env: process.env, cwd: process.cwd(), exitCode: process.exitCode };
  let stdout = '';
  let stderr = '';
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    process.argv = [process.execPath, path.join(ROOT, script), ...args];
    process.env = { ...process.env, ...env };
    process.exitCode = undefined;
    process.chdir(ROOT);
    jest.isolateModules(() => require(path.join(ROOT, script)));
    return { stdout, stderr, status: Number(process.exitCode ?? 0) };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.argv = saved.argv;
    process.env = saved.env;
    process.exitCode = saved.exitCode;
    process.chdir(saved.cwd);
  }
}
