/** Builds the task pane, the ribbon command page and the browser preview into dist/, and serves them on port 3000. */
const fs = require("node:fs");
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const root = __dirname;
const officeJsDist = path.join(root, "node_modules/@microsoft/office-js/dist");
const examples = path.join(root, "examples");

/**
 * Copies the manifest and the PNG icons into the output, where the manifest's URLs expect them
 * (copy-webpack-plugin is not a dependency, and this is all it would do here).
 */
class CopyStaticFilesPlugin {
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap("CopyStaticFilesPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "CopyStaticFilesPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const files = [
            { from: path.join(root, "manifest.xml"), to: "manifest.xml" },
            { from: path.join(root, "src/commands/message.html"), to: "message.html" },
            ...fs
              .readdirSync(path.join(root, "assets"))
              .filter((name) => name.endsWith(".png"))
              .map((name) => ({ from: path.join(root, "assets", name), to: `assets/${name}` })),
            // The preview opens the sample workbook from /examples/, as the dev server serves it.
            ...fs
              .readdirSync(examples)
              .filter((name) => name.endsWith(".xlsx"))
              .map((name) => ({ from: path.join(examples, name), to: `examples/${name}` })),
          ];
          for (const { from, to } of files) {
            compilation.fileDependencies.add(from);
            compilation.emitAsset(to, new RawSource(fs.readFileSync(from)));
          }
          compilation.contextDependencies.add(path.join(root, "assets"));
          compilation.contextDependencies.add(examples);
        },
      );
    });
  }
}

module.exports = (env, argv) => {
  const production = argv.mode === "production";
  return {
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "eval-source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      preview: "./src/preview/index.tsx",
    },
    output: {
      path: path.join(root, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type errors are tsc's job (npm run typecheck); the build only strips types. ES modules (not the
          // tsconfig's commonjs, which tests and the CLI use) let webpack tree-shake Fluent UI down to what is used.
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { module: "esnext" } },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./src/preview/preview.html",
        chunks: ["preview"],
        // The development build's eval source maps need 'unsafe-eval' in the page's CSP; production does not.
        devEval: !production,
      }),
      new CopyStaticFilesPlugin(),
    ],
    optimization: {
      splitChunks: false,
    },
    performance: {
      // The budget that matters is what crosses the wire: 250 KB gzipped for the pane, measured by npm run bench.
      // Minified, React + Fluent v9 + the engine is about 750 KiB, which gzips to about 230 KB; warn past 1 MiB.
      maxEntrypointSize: 1024 * 1024,
      maxAssetSize: 1024 * 1024,
      // The browser preview carries ExcelJS (about 1 MB) and never runs in Excel.
      assetFilter: (name) => !name.startsWith("preview") && !name.endsWith(".map") && !name.endsWith(".xlsx"),
    },
    devServer: {
      host: "127.0.0.1",
      port: 3000,
      server: "http",
      // office.js comes from the package, never from a CDN, so the pages make no request to another host.
      static: [
        { directory: path.join(root, "dist"), publicPath: "/" },
        { directory: officeJsDist, publicPath: "/office-js" },
        { directory: examples, publicPath: "/examples" },
      ],
      headers: { "Access-Control-Allow-Origin": "*" },
      client: { overlay: { warnings: false } },
      hot: false,
    },
  };
};
