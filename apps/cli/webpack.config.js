module.exports = require('../../tools/webpack-app')('cli');
