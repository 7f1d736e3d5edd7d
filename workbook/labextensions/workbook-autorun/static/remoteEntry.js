/*
 * workbook-autorun: a JupyterLab 4 extension written as a plain module-federation container, so
 * that it needs no build step. A notebook whose metadata says {"workbook": {"autorun": true}}
 * (the workbook's step notebooks) runs all its cells once its kernel is ready, and is never
 * marked as changed: the form saves to the project folder, not to the notebook, so there is
 * nothing to save and no "Save your work?" when it is closed.
 */
(function () {
  var shared = null;

  function load(name) {
    var versions = shared[name];
    var entry = versions[Object.keys(versions)[0]];
    return Promise.resolve(entry.get()).then(function (factory) {
      return typeof factory === "function" ? factory() : factory;
    });
  }

  function isStep(panel) {
    var meta = panel.context.model.getMetadata("workbook");
    return !!(meta && meta.autorun);
  }

  function keepClean(panel) {
    var model = panel.context.model;
    model.dirty = false;
    model.stateChanged.connect(function (_, change) {
      if (change.name === "dirty" && change.newValue) {
        model.dirty = false;
      }
    });
  }

  function plugin(notebook) {
    return {
      id: "workbook-autorun:plugin",
      description: "Runs a workbook step when it is opened.",
      autoStart: true,
      requires: [notebook.INotebookTracker],
      activate: function (app, tracker) {
        tracker.widgetAdded.connect(function (_, panel) {
          panel.context.ready
            .then(function () {
              if (!isStep(panel)) {
                return null;
              }
              keepClean(panel);
              return panel.sessionContext.ready.then(function () {
                return notebook.NotebookActions.runAll(panel.content, panel.sessionContext);
              }).then(function () {
                panel.context.model.dirty = false;
              });
            })
            .catch(function (error) {
              console.error("workbook-autorun", error);
            });
        });
      }
    };
  }

  window._JUPYTERLAB = window._JUPYTERLAB || {};
  window._JUPYTERLAB["workbook-autorun"] = {
    init: function (scope) {
      shared = scope;
    },
    get: function (module) {
      if (module !== "./extension") {
        return Promise.reject(new Error("workbook-autorun has no module " + module));
      }
      return load("@jupyterlab/notebook").then(function (notebook) {
        var exports = { __esModule: true, default: plugin(notebook) };
        return function () {
          return exports;
        };
      });
    }
  };
})();
