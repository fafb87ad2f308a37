module.exports = require('../../tools/webpack-app')('api');
