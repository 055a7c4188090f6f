module.exports = require("office-addin-manifest/lib/officeApp.js");
