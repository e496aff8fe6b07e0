import 'reflect-metadata';
import { config } from '../config/config';
import { openDatabase } from '../database';

/**
 * `npm run phone-report -w api`: the stored phone numbers that are not valid numbers of their
 * country, as the phone_review migration found them (most were typed without a country code and
 * read in the default region). One line per row: where it is, the number, how it was written.
 */
async function main(): Promise<void> {
  const db = await openDatabase(config.databaseUrl);
  try {
    const rows = (await db.orm.em.getConnection().execute('select source_table, source_id, phone, written_as from phone_review order by source_table, source_id')) as Array<{
      source_table: string;
      source_id: number;
      phone: string;
      written_as: string | null;
    }>;
    if (!rows.length) console.log('phone_review: every stored phone number is a valid number of its country.');
    for (const row of rows) console.log(`${row.source_table} #${row.source_id}\t${row.phone}${row.written_as ? `\t(written as "${row.written_as}")` : ''}`);
  } finally {
    await db.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
