// ECharts ships its locales as UMD files without types; the object has the shape of its English one.
declare module "echarts/i18n/langVI-obj.js" {
  const locale: Parameters<typeof import("echarts/core").registerLocale>[1];
  export default locale;
}
