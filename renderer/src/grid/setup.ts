import {
  CellStyleModule,
  ColumnApiModule,
  ColumnAutoSizeModule,
  CustomEditorModule,
  InfiniteRowModelModule,
  LocaleModule,
  ModuleRegistry,
  NumberFilterModule,
  RowApiModule,
  RowSelectionModule,
  RowStyleModule,
  ScrollApiModule,
  TextFilterModule,
  TooltipModule,
  ValidationModule,
} from 'ag-grid-community';

/** Community modules only, registered explicitly: nothing Enterprise slips in. */
ModuleRegistry.registerModules([
  InfiniteRowModelModule,
  TextFilterModule,
  NumberFilterModule,
  ColumnApiModule,
  ColumnAutoSizeModule,
  // Values are edited in place with our own checked editor (grid/ValueCellEditor.tsx).
  CustomEditorModule,
  // The review grid's keyboard: rows by index, scrolling the focused one into view.
  RowApiModule,
  RowSelectionModule,
  RowStyleModule,
  ScrollApiModule,
  CellStyleModule,
  TooltipModule,
  // localeText (the grid's own words in Chinese) is ignored, with console error #200, without it.
  LocaleModule,
  ...(import.meta.env.DEV ? [ValidationModule] : []),
]);
