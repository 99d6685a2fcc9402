#!/usr/bin/env node
// The command is built into dist/; this file exists before the build so that npm links the bin at install time.
import '../dist/cli.js';
