// Modules the build provides (vite.config.ts).
declare module 'virtual:iso-codes' {
  const codes: Record<string, string>;
  export default codes;
}
