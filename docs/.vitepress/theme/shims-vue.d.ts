// Lets TypeScript (and the linter) read the theme's imports of .vue files.
declare module "*.vue" {
  import type { DefineComponent } from "vue";
  const component: DefineComponent;
  export default component;
}

// The theme's own stylesheet, imported for its side effect.
declare module "*.css";
