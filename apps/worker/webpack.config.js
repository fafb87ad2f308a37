module.exports = require('../../tools/webpack-app')('worker');
