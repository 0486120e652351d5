import { parseImage, versionLabel } from '../../lib/core/image';

describe('versionLabel', () => {
  test('is the image tag', () => {
    expect(versionLabel('production/api', 'image', parseImage('registry.example.com/api:v4.2.1'))).toBe('v4.2.1');
  });

  test('is the tail of the digest when the image has no tag', () => {
    const digest = `sha256:${'0123456789abcdef'.repeat(4)}`;
    expect(versionLabel('production/api', 'image', parseImage(`registry.example.com/api@${digest}`))).toBe(
      '456789abcdef',
    );
  });

  test('is the version given, when there is one', () => {
    expect(versionLabel('production/api', 'version', parseImage('registry.example.com/api:v4.2.1'), '4.2')).toBe('4.2');
  });

  test('refuses a value that is no label value, naming the prop', () => {
    expect(() =>
      versionLabel('production/api', 'version', parseImage('registry.example.com/api:v1'), 'v1+build'),
    ).toThrow(
      `[production/api] version "v1+build" is not a valid label value; use at most 63 letters, digits, '-', '_' or '.', ` +
        `starting and ending with a letter or digit`,
    );
  });
});
