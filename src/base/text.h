// Small text helpers every layer may use: splitting a file into lines,
// splitting and quoting CSV fields, lists of numbers ("1,3,5-7").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vigil {

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
