export { EsfExportPage } from './esf-export-page';
export { RegisterImportPage } from './register-import-page';
