import DefaultTheme from "vitepress/theme";
import type { Theme } from "vitepress";
import CompareTables from "./components/CompareTables.vue";
import WireDiagram from "./components/WireDiagram.vue";

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component("WireDiagram", WireDiagram);
    app.component("CompareTables", CompareTables);
  },
} satisfies Theme;
