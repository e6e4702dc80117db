import DefaultTheme from "vitepress/theme";
import { onContentUpdated, type Theme } from "vitepress";
import CompareCharts from "./components/CompareCharts.vue";
import CompareMore from "./components/CompareMore.vue";
import CompareTables from "./components/CompareTables.vue";
import Diagram from "./components/Diagram.vue";
import MeasuredTable from "./components/MeasuredTable.vue";
import NetworkDistance from "./components/NetworkDistance.vue";
import WireDiagram from "./components/WireDiagram.vue";
import { markDifferences } from "./side-by-side.js";
import "./custom.css";

export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component("WireDiagram", WireDiagram);
    app.component("CompareTables", CompareTables);
    app.component("CompareCharts", CompareCharts);
    app.component("CompareMore", CompareMore);
    app.component("MeasuredTable", MeasuredTable);
    app.component("NetworkDistance", NetworkDistance);
    app.component("Diagram", Diagram);
  },
  setup() {
    onContentUpdated(() => markDifferences());
  },
} satisfies Theme;
