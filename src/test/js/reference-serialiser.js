'use strict';
// The JavaScript side of JavaScriptJsonDifferentialTests: the two serialisations Comeet signs, computed by the
// engine itself. Reads a JSON array of document texts on stdin and writes, for each, a pair of base64 UTF-8
// strings [stringify, sorted], or null when JSON.parse rejects the text.

// Comeet's key-sorted form: keys sorted by UTF-16 code units and pasted between quotes without escaping.
function sortedForm(value) {
    if (Array.isArray(value)) {
        return '[' + value.map(sortedForm).join(',') + ']';
    }
    if (value !== null && typeof value === 'object') {
        return '{' + Object.keys(value).sort().map((key) => '"' + key + '":' + sortedForm(value[key])).join(',')
            + '}';
    }
    return JSON.stringify(value);
}

// Buffer's UTF-8 encoding turns a lone surrogate into U+FFFD, which is what gets signed.
function base64(text) {
    return Buffer.from(text, 'utf8').toString('base64');
}

function serialise(text) {
    let value;
    try {
        value = JSON.parse(text);
    } catch (e) {
        return null;
    }
    return [base64(JSON.stringify(value)), base64(sortedForm(value))];
}

const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', () => {
    const texts = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    process.stdout.write(JSON.stringify(texts.map(serialise)));
});
