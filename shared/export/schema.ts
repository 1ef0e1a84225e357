import { columnsOf, fileNameOf, TABLE_NAMES, type Column, type ExportMode, type ExportTableName } from './columns';
import { profileFormat, RECORD_END, type ExportProfile, type ProfileFormat } from './profiles';

/**
 * Table Schemas and the Data Package (city-export.md, "Schemas and checks"; https://specs.frictionlessdata.io/):
 * one resource per CSV, its Table Schema and CSV dialect inlined, with the profile's formats. Objects are built with
 * their keys in a fixed order and nothing time-dependent, so the same export gives the same `datapackage.json` bytes.
 */

export interface TableSchemaField {
  readonly name: string;
  readonly type: 'string' | 'integer' | 'number' | 'date' | 'datetime' | 'boolean';
  readonly format?: string;
  readonly decimalChar?: string;
  readonly trueValues?: readonly string[];
  readonly falseValues?: readonly string[];
  readonly constraints?: { readonly required?: true; readonly pattern?: string; readonly enum?: readonly string[] };
}

export interface TableSchema {
  readonly fields: readonly TableSchemaField[];
  readonly missingValues: readonly string[];
  readonly primaryKey?: string;
  readonly foreignKeys?: readonly { fields: string; reference: { resource: string; fields: string } }[];
}

export interface CsvDialect {
  readonly delimiter: string;
  readonly lineTerminator: string;
  readonly quoteChar: '"';
  readonly doubleQuote: true;
  readonly header: true;
}

export interface DataResource {
  readonly name: ExportTableName;
  readonly path: string;
  readonly profile: 'tabular-data-resource';
  readonly format: 'csv';
  readonly mediatype: 'text/csv';
  readonly encoding: 'utf-8-sig' | 'utf-8';
  readonly dialect: CsvDialect;
  readonly schema: TableSchema;
}

export interface DataPackage {
  readonly profile: 'tabular-data-package';
  readonly name: string;
  readonly resources: readonly DataResource[];
}

export const DATA_PACKAGE_NAME = 'volontaires-climat-export';

export function schemaField(column: Column, format: ProfileFormat): TableSchemaField {
  const constraints = {
    ...(column.required ? { required: true as const } : {}),
    ...(column.pattern === undefined ? {} : { pattern: column.pattern }),
    ...(column.values === undefined ? {} : { enum: column.values }),
  };
  const withConstraints = Object.keys(constraints).length > 0 ? { constraints } : {};
  switch (column.type) {
    case 'id':
    case 'text':
    case 'enum':
    case 'code':
      return { name: column.name, type: 'string', ...withConstraints };
    case 'int':
      return { name: column.name, type: 'integer', ...withConstraints };
    case 'dec':
      return { name: column.name, type: 'number', decimalChar: format.decimalChar, ...withConstraints };
    case 'date':
      return { name: column.name, type: 'date', format: format.dateFormat, ...withConstraints };
    case 'datetime':
      return { name: column.name, type: 'datetime', format: format.datetimeFormat, ...withConstraints };
    case 'bool':
      return {
        name: column.name,
        type: 'boolean',
        trueValues: [format.trueValue],
        falseValues: [format.falseValue],
        ...withConstraints,
      };
  }
}

const KEYS: Record<ExportTableName, Pick<TableSchema, 'primaryKey' | 'foreignKeys'>> = {
  missions: { primaryKey: 'mission_id' },
  creneaux: {
    primaryKey: 'creneau_id',
    foreignKeys: [{ fields: 'mission_id', reference: { resource: 'missions', fields: 'mission_id' } }],
  },
  participations: {
    primaryKey: 'participation_id',
    foreignKeys: [
      { fields: 'creneau_id', reference: { resource: 'creneaux', fields: 'creneau_id' } },
      { fields: 'mission_id', reference: { resource: 'missions', fields: 'mission_id' } },
    ],
  },
  agregats_mensuels: {},
};

export function tableSchema(table: ExportTableName, profile: ExportProfile, mode: ExportMode): TableSchema {
  const format = profileFormat(profile);
  return {
    fields: columnsOf(table, mode).map((column) => schemaField(column, format)),
    missingValues: [''],
    ...KEYS[table],
  };
}

export function csvDialect(profile: ExportProfile): CsvDialect {
  return {
    delimiter: profileFormat(profile).delimiter,
    lineTerminator: RECORD_END,
    quoteChar: '"',
    doubleQuote: true,
    header: true,
  };
}

export function dataResource(table: ExportTableName, profile: ExportProfile, mode: ExportMode): DataResource {
  return {
    name: table,
    path: fileNameOf(table),
    profile: 'tabular-data-resource',
    format: 'csv',
    mediatype: 'text/csv',
    encoding: profileFormat(profile).encoding,
    dialect: csvDialect(profile),
    schema: tableSchema(table, profile, mode),
  };
}

export function dataPackage(profile: ExportProfile, mode: ExportMode): DataPackage {
  return {
    profile: 'tabular-data-package',
    name: DATA_PACKAGE_NAME,
    resources: TABLE_NAMES.map((table) => dataResource(table, profile, mode)),
  };
}

/** `datapackage.json`'s text: two-space indentation, a final line feed. */
export function dataPackageJson(profile: ExportProfile, mode: ExportMode): string {
  return `${JSON.stringify(dataPackage(profile, mode), null, 2)}\n`;
}
