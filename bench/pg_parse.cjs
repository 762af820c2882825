// Parses one SQL file with libpg-query (the PostgreSQL parser compiled to WebAssembly),
// as the parse-speed anchor of the SchemaFirst benchmarks. The time measured by
// bench/run.py includes Node start-up and loading the WebAssembly module.
//   node bench/pg_parse.cjs NODE_PREFIX FILE.sql     (NODE_PREFIX holds node_modules/libpg-query)
'use strict';
const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

const [prefix, file] = process.argv.slice(2);
if (!prefix || !file) {
  process.stderr.write('usage: node pg_parse.cjs NODE_PREFIX FILE.sql\n');
  process.exit(3);
}
const req = createRequire(path.join(path.resolve(prefix), 'package.json'));
const pg = req('libpg-query');

(async () => {
  const sql = fs.readFileSync(file, 'utf8');
  let result;
  if (typeof pg.loadModule === 'function' && typeof pg.parseSync === 'function') {
    await pg.loadModule();
    result = pg.parseSync(sql);
  } else {
    result = await pg.parse(sql);
  }
  process.stdout.write(`${result.stmts.length} statements\n`);
})().catch((err) => {
  process.stderr.write(`pg_parse: ${err && err.message ? err.message : err}\n`);
  process.exit(1);
});
