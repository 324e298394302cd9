const { openBenchDatabase } = require('/work/main/apps/api/dist/bench/bench-database.js');
const { Client } = require('/work/main/node_modules/pg');
(async () => {
  process.env.INIT_CWD = '/work/main';
  const db = await openBenchDatabase();
  const c = new Client({ connectionString: db.url }); await c.connect();
  try {
    for (const sql of process.argv.slice(2)) {
      const r = await c.query(sql);
      for (const row of r.rows) console.log(Object.values(row).map(v => typeof v === 'string' ? v.replace(/\s+/g,' ').slice(0, 400) : v).join(' | '));
      console.log('---');
    }
  } finally { await c.end(); await db.stop(); }
})();
