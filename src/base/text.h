// Small text helpers every layer may use: checking a reader's input text
// (UTF-8, byte order mark), splitting a file into lines, splitting and
// quoting CSV fields, lists of numbers ("1,3,5-7").
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/input_error.h"

namespace vigil {

// The most characters (code points) a name may have: a person, a place, a
// post, a language, a skill, a shift or an employee ID (docs/limits.md).
inline constexpr std::size_t kMaxNameLength = 100;

// The text every reader reads: `text` without a leading UTF-8 byte order
// mark, or an error at the first byte that is not UTF-8 (its line, its
// column counted in characters, and the line for the caret). Every file and
// option reader starts here, so a name read is valid UTF-8 and is written
// back byte for byte (never as U+FFFD, which would make the plan differ from
// the scenario it was made for).
Result<std::string> text_input(std::string text, const std::string& file);

// The byte offset of the first byte of `text` that does not belong to a
// valid UTF-8 sequence (overlong forms, surrogates and code points past
// U+10FFFF are invalid), or nullopt when all of it is valid.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// The number of characters (code points) of valid UTF-8 `text`.
std::size_t utf8_length(std::string_view text);

// The lines of `text`, split at '\n' with a trailing '\r' removed (CRLF files
// read like LF files). A final newline leaves one empty last line; a leading
// UTF-8 byte order mark is kept (readers that allow one drop it).
std::vector<std::string> split_lines(const std::string& text);
// The words of `text`, split at spaces and tabs (none empty).
std::vector<std::string> split_words(const std::string& text);

// Drops a UTF-8 byte order mark from the start of the first line, if any.
void drop_byte_order_mark(std::vector<std::string>& lines);

// The fields of one CSV record, split at ',' with RFC 4180 quoting ("a,b" is
// one field, "" inside quotes is a quote).
std::vector<std::string> split_csv(const std::string& line);

// A CSV field, quoted when it holds ',', '"' or a line break.
std::string csv_field(const std::string& text);

// "1,2,10-12" -> {1, 2, 10, 11, 12}, in the order given, without repeats; or
// nullopt with `error` saying what is wrong (not a number, a range whose end
// is below its start, a range of more than 100000 numbers).
std::optional<std::vector<std::uint64_t>> parse_number_list(const std::string& text, std::string& error);

}  // namespace vigil
