// Helpers for integration tests that compare what two sets of databases answer: a search
// as JSON, and a ranking whose equal scores may come in either order.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace archivar::test {

/// archivar-search @a databases ("--db A --db B") --format json @a arguments, which must
/// succeed; the page it prints.
nlohmann::json search_json(const std::string& databases, const std::string& arguments);

/// The page's hits as (score, id), ordered by score, then id: ties may come in either
/// order, as they are broken by document number, which differs between databases.
std::vector<std::pair<double, std::string>> ranking(const nlohmann::json& page);

/// Checks that @a got ranks the same articles with the same scores as @a want, with the
/// same total and facets.
void check_ranked_alike(const nlohmann::json& want, const nlohmann::json& got);

}  // namespace archivar::test
