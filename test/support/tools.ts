import { spawnSync } from 'child_process';

/**
 * Whether an external tool is on PATH. In CI (CI=true) a missing tool fails the suite, because
 * .ci/run installs it; on a developer machine the caller skips with a message naming the packages.
 */
export function haveTool(command: string, debianPackages: string): boolean {
  const found = spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
  if (!found && process.env.CI === 'true') {
    throw new Error(`${command} is missing in CI; .ci/run must install the Debian packages: ${debianPackages}`);
  }
  if (!found) {
    process.stderr.write(
      `SKIPPED: ${command} is not installed; apt-get install ${debianPackages} to run these tests\n`,
    );
  }
  return found;
}
