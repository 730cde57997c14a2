import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { validateXML } from 'xmllint-wasm';

/** The official IATI 2.03 schema files, beside the repository (../shared/reference/iati-2.03). */
const SCHEMA_DIR = resolve(__dirname, '../../../../../shared/reference/iati-2.03');

/**
 * Validates an IATI activities file against the official 2.03 XSD with libxml2 (xmllint in
 * WebAssembly): the schema, the common types it includes and the W3C xml.xsd it imports.
 * Returns the errors, empty when the file is valid. Only for tests.
 */
export async function iatiSchemaErrors(xml: string): Promise<string[]> {
  const file = async (name: string) => ({
    fileName: name,
    contents: await readFile(resolve(SCHEMA_DIR, name), 'utf8'),
  });
  const result = await validateXML({
    xml: [{ fileName: 'activities.xml', contents: xml }],
    schema: [await file('iati-activities-schema.xsd')],
    preload: [await file('iati-common.xsd'), await file('xml.xsd')],
  });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage);
}
