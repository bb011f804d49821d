export { writeFileAtomic, type WriteOptions } from './atomic.ts';
export {
  BOUNDARIES_FILE,
  ContentFolderError,
  DUE_FILE,
  UNITS_FILE,
  contentFiles,
  keepVersion,
  readContent,
  readReportText,
  removeReport,
  writeContent,
  writeDueDates,
  writeReport,
  writeUnits,
  type Content,
  type KeptVersion,
  type ReadContent,
} from './folder.ts';
