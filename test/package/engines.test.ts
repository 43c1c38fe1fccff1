import * as fs from 'fs';
import * as path from 'path';

// Issue 24: the Node.js versions the README promises are the ones package.json's engines admits
// (npm warns EBADENGINE otherwise), and CI runs on the oldest of them.
const ROOT = path.join(__dirname, '..', '..');

test('the README states the engines range package.json declares', () => {
  const engines = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).engines.node as string;
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  expect(readme).toContain(`"engines": { "node": "${engines}" }`);
});

test('the Node.js running the tests satisfies the engines range', () => {
  const engines = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).engines.node as string;
  const minimum = Number(/>= ?(\d+)/.exec(engines)![1]);
  expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(minimum);
});
