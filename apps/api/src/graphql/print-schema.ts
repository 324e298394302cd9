import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { resolvers } from '../app.module';
import { scalarsMap } from './scalars';

/** The schema the code defines, sorted, as committed in apps/api/schema.graphql. */
export async function generateSchema(): Promise<string> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  const schema = await app.get(GraphQLSchemaFactory).create(resolvers, { scalarsMap });
  await app.close();
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

/** `schema:write` rewrites the file; `schema:check` fails when it is stale. */
async function run() {
  const check = process.argv.includes('--check');
  const file = process.argv.at(-1) ?? 'schema.graphql';
  const schema = await generateSchema();
  if (!check) {
    writeFileSync(file, schema);
    return;
  }
  if (readFileSync(file, 'utf8') !== schema) {
    console.error(`${file} is stale: run \`npm run schema:write --workspace @rapport/api\` and commit it.`);
    process.exit(1);
  }
  console.log(`${file} is up to date.`);
}

if (require.main === module) void run();
