import { graphql } from '$lib/graphql/graphql';

export const DataImportPageQuery = graphql(`
  query DataImportPage {
    dataImportSources {
      key
      name
      producer
      url
      licence
      fileHint
      indicators
    }
    dataImports(first: 15) {
      id
      source
      vintage
      status
      fileName
      rowsRead
      createdAt
      importedBy
    }
  }
`);

export const DataImportQuery = graphql(`
  query DataImport($id: ID!) {
    dataImport(id: $id) {
      id
      source
      vintage
      status
      fileName
      rowsRead
      rowsSkipped
      message
      headerExpected
      headerFound
      written {
        what
        count
      }
      unknownTerritoryCodes
      unknownTerritoryCount
      errors {
        line
        message
      }
      errorCount
      notes
      importedBy
      createdAt
      finishedAt
    }
  }
`);
